import { createAdmin as createAdminAccount, SYSTEM_ACTOR } from '../roster/service';
import { parseSingle } from './args';
import type { Command } from './commands';
import { withApp } from './open-app';

const USAGE = 'create-admin <employee_no> [--name NAME]';

/** `create-admin`: the first account of a deployment started without demo data. */
export const createAdmin: Command = {
	usage: USAGE,
	summary:
		'Create an administrator (admin + hr) with a one-time initial password, and a head office if there is none.',
	async run(args) {
		const parsed = parseSingle(args, USAGE, 'employee number', { name: { type: 'string' } });
		if (typeof parsed === 'number') return parsed;
		return withApp(async (ctx) => {
			const admin = await createAdminAccount(ctx, SYSTEM_ACTOR, {
				employeeNo: parsed.positional,
				name: parsed.values.name
			});
			if (admin.createdHeadOffice) {
				console.log(`Created head office branch ${admin.branchCode}.`);
			}
			console.log(
				`Created administrator ${admin.employeeNo} (${admin.name}).\n` +
					`Initial password (shown only now): ${admin.initialPassword}\n` +
					'It must be changed at first sign-in.'
			);
			return 0;
		});
	}
};
