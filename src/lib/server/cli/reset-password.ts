import { resetPassword as resetStaffPassword } from '../auth/service';
import { SYSTEM_ACTOR } from '../roster/service';
import { parseSingle } from './args';
import type { Command } from './commands';
import { withApp } from './open-app';

const USAGE = 'reset-password <employee_no>';

/** `reset-password`: also the way back in when the only administrator has forgotten theirs. */
export const resetPassword: Command = {
	usage: USAGE,
	summary:
		'Give someone a new one-time initial password, end their sessions and clear their sign-in failures.',
	async run(args) {
		const parsed = parseSingle(args, USAGE, 'employee number', {});
		if (typeof parsed === 'number') return parsed;
		return withApp(async (ctx) => {
			const reset = await resetStaffPassword(ctx, SYSTEM_ACTOR, parsed.positional.trim());
			console.log(
				`Reset the password of ${reset.employeeNo}; all their sessions have ended.\n` +
					`Initial password (shown only now): ${reset.initialPassword}\n` +
					'It must be changed at first sign-in.'
			);
			return 0;
		});
	}
};
