import { parseArgs } from 'node:util';
import { SYSTEM_ACTOR } from '../roster/actor';
import { createAdmin as createAdminAccount } from '../roster/admin';
import type { Command } from './commands';
import { closeApp, openApp } from './open-app';
import { reportDomainError } from './output';

const USAGE = 'create-admin <employee_no> [--name NAME]';

/** `create-admin`: the first account of a deployment started without demo data. */
export const createAdmin: Command = {
	usage: USAGE,
	summary:
		'Create an administrator (admin + hr) with a one-time initial password, and a head office if there is none.',
	async run(args) {
		let parsed;
		try {
			parsed = parseArgs({ args, allowPositionals: true, options: { name: { type: 'string' } } });
		} catch (e) {
			console.error(`${e instanceof Error ? e.message : e}\nUsage: npm run cli -- ${USAGE}`);
			return 2;
		}
		const [employeeNo, ...extra] = parsed.positionals;
		if (!employeeNo || extra.length > 0) {
			console.error(`Give exactly one employee number.\nUsage: npm run cli -- ${USAGE}`);
			return 2;
		}
		const ctx = openApp();
		try {
			const admin = await createAdminAccount(ctx, SYSTEM_ACTOR, {
				employeeNo,
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
		} catch (e) {
			if (reportDomainError(e)) return 1;
			throw e;
		} finally {
			closeApp(ctx);
		}
	}
};
