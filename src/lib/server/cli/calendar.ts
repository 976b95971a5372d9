import { parseArgs } from 'node:util';
import { listOfficeDays, removeOfficeDay, setOfficeDay } from '../calendar/service';
import { SYSTEM_ACTOR } from '../roster/service';
import { usageError } from './args';
import type { Command } from './commands';
import { withApp } from './open-app';

const USAGE =
	'calendar list | calendar add <YYYY-MM-DD> --closed|--working [--note <text>] | calendar remove <YYYY-MM-DD>';

/** `calendar`: the office's own closed and working days, as HR sets them on the settings page. */
export const calendar: Command = {
	usage: USAGE,
	summary:
		"List, add or remove the office's own closed or working days (over the State Council's holiday schedule).",
	async run(args) {
		let parsed;
		try {
			parsed = parseArgs({
				args,
				allowPositionals: true,
				options: {
					closed: { type: 'boolean' },
					working: { type: 'boolean' },
					note: { type: 'string' }
				}
			});
		} catch (e) {
			return usageError(USAGE, e instanceof Error ? e.message : String(e));
		}
		const [action, day, ...extra] = parsed.positionals;
		const { closed, working, note } = parsed.values;
		if (extra.length > 0) return usageError(USAGE, 'Too many arguments.');
		if (action === 'list' && day === undefined) {
			return withApp(async (ctx) => {
				const { days, scheduledUntil } = await listOfficeDays(ctx, SYSTEM_ACTOR);
				console.log(`State Council schedule built in up to ${scheduledUntil}.`);
				if (days.length === 0) console.log('No office days recorded.');
				for (const d of days) {
					const sc = d.stateCouncil;
					console.log(
						`${d.day}  ${d.working ? 'working' : 'closed '}  (State Council: ${sc.working ? 'working' : 'off'}${sc.holiday ? `, ${sc.holiday}` : ''})${d.note ? `  ${d.note}` : ''}`
					);
				}
				return 0;
			});
		}
		if (action === 'add' && day !== undefined) {
			if (closed === working) return usageError(USAGE, 'Say --closed or --working.');
			return withApp(async (ctx) => {
				await setOfficeDay(ctx, SYSTEM_ACTOR, { day, working: working === true, note: note ?? '' });
				console.log(`${day.trim()} is now a ${working ? 'working' : 'closed'} day for the office.`);
				return 0;
			});
		}
		if (action === 'remove' && day !== undefined) {
			return withApp(async (ctx) => {
				await removeOfficeDay(ctx, SYSTEM_ACTOR, day);
				console.log(`${day.trim()} follows the State Council's schedule again.`);
				return 0;
			});
		}
		return usageError(USAGE, 'Say list, add or remove.');
	}
};
