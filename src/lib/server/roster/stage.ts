import { generateInitialPassword, hashInitialPassword } from '../auth/service';
import type { AppContext } from '../context';
import { inTransaction } from '../db';
import type { Pace } from '../steps';
import type { Importer } from './actor';
import type { InitialPassword } from './passwords-csv';
import type { RosterPlan } from './plan';
import * as data from './data';

/** People staged per short write transaction. */
export const STAGE_CHUNK = 1000;

export interface StageJob {
	importId: number;
	token: string;
	importer: Importer;
}

/** Thrown when a job learns it was given up for dead (or replaced) while it ran. */
export class JobLost extends Error {
	constructor(importId: number) {
		super(`roster import ${importId}: the commit job is no longer the current one`);
	}
}

/**
 * Writes the plan's new and changed people into the staging tables, one short transaction per
 * chunk (each also the job's heartbeat), making every new person's initial password on the
 * way. New people get ids reserved up front, in file order. Paces with the people staged;
 * returns the initial passwords as one JSON array, in file order. Not in a transaction: each
 * chunk commits on its own.
 */
export async function stagePlan(
	ctx: AppContext,
	job: StageJob,
	plan: RosterPlan,
	branchNames: Map<string, string>,
	pace: Pace<{ done: number; total: number }>
): Promise<string> {
	const { importId, token, importer } = job;
	const audit = { via: importer.via, importId };
	const total = plan.creates.length + plan.updates.length;
	// What an earlier attempt staged (the plan moved under it), a slice at a time.
	await data.deleteStagedPaced(ctx.db, importId, () => pace({ done: 0, total }));
	const ids = await inTransaction(
		ctx.db,
		async (tx) => await data.reserveStaffIds(tx, job, plan.creates.length)
	);
	if (ids === null) throw new JobLost(importId);
	// Each chunk's passwords as JSON text: one 10 MB JSON.stringify would hold up every request.
	const passwordChunks: string[] = [];
	for (let from = 0; from < total; from += STAGE_CHUNK) {
		const staff: data.StagedStaff[] = [];
		const roles: data.StagedRole[] = [];
		const passwords: InitialPassword[] = [];
		for (let seq = from; seq < Math.min(total, from + STAGE_CHUNK); seq++) {
			const created = plan.creates[seq];
			const update = created ? undefined : plan.updates[seq - plan.creates.length];
			const person = created ?? update;
			if (!person) continue;
			const r = person.record;
			const staffId = update?.previous.id ?? ids[seq]!;
			const row: data.StagedStaff = {
				importId,
				seq,
				isNew: !update,
				staffId,
				employeeNo: r.employeeNo,
				name: r.name,
				branchCode: r.branchCode,
				position: r.position,
				hireDate: person.hireDate,
				effectiveOn: r.effectiveDate ?? null,
				status: person.status,
				passwordHash: null,
				rolesChange: null,
				disable: null
			};
			const rolesChange = update?.changes.some((c) => c.field === 'roles') ?? false;
			if (created) {
				const password = generateInitialPassword();
				row.passwordHash = hashInitialPassword(password);
				const branchName = branchNames.get(r.branchCode) ?? '';
				passwords.push({ ...pick(r), branchName, password });
			}
			if (update && rolesChange) {
				row.rolesChange = { from: update.previous.roles, to: update.roles, ...audit };
			}
			if (update?.status === 'left' && update.previous.status !== 'left') {
				row.disable = { reason: 'left', ...audit };
			}
			staff.push(row);
			if (created || rolesChange)
				for (const role of person.roles) roles.push({ importId, staffId, role });
		}
		const done = from + staff.length;
		const progress = { importId, token, done, total, now: ctx.clock.now() };
		const staged = await inTransaction(
			ctx.db,
			async (tx) => await data.stageChunk(tx, progress, staff, roles)
		);
		if (!staged) throw new JobLost(importId);
		if (passwords.length > 0) passwordChunks.push(JSON.stringify(passwords).slice(1, -1));
		await pace({ done, total });
	}
	return `[${passwordChunks.join(',')}]`;
}

function pick(r: { employeeNo: string; name: string; branchCode: string }) {
	return { employeeNo: r.employeeNo, name: r.name, branchCode: r.branchCode };
}
