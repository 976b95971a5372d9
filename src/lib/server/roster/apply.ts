import { recordAudit, recordAuditEvents } from '../audit/service';
import { invalidateStaffSessions } from '../auth/session';
import type { AppContext } from '../context';
import type { Db } from '../db';
import type { NewBranch, RosterCounts } from './types';
import type { StageJob } from './stage';
import { JobLost } from './stage';
import type { RosterPlan } from './plan';
import * as jq from './job-queries';
import * as sq from './stage-queries';
import * as q from './queries';

/** Thrown inside the final transaction when the database moved since the plan was made. */
export class PlanMoved extends Error {
	constructor() {
		super('the roster changed since the commit planned it');
	}
}

export interface PublishInput {
	job: StageJob;
	fileName: string;
	plan: RosterPlan;
	counts: RosterCounts;
	/** roster_version when the plan was made. */
	version: number;
}

/**
 * Publishes a staged plan: must run inside the import's one write transaction (`ctx.db` is the
 * transaction), so that any failure leaves nothing behind. Claims the end of the job first (so
 * a job given up for dead cannot publish), then checks that nothing the plan depends on moved
 * (PlanMoved otherwise), then applies the staged rows with a few set-based statements.
 */
export function publishRosterPlan(ctx: AppContext, input: PublishInput): void {
	const { job, plan, counts } = input;
	const { importId, importer } = job;
	const db = ctx.db;
	const now = ctx.clock.now();
	if (!jq.finishJob(db, importId, job.token, { committedAt: now, summary: counts })) {
		throw new JobLost(importId);
	}
	if (q.selectRosterVersion(db) !== input.version) throw new PlanMoved();

	insertBranches(db, plan.newBranches, now);
	// A count short of the plan means a branch a row names is gone.
	if (publish(() => sq.publishCreates(db, importId, now)) !== plan.creates.length) {
		throw new PlanMoved();
	}
	if (sq.publishUpdates(db, importId, now) !== plan.updates.length) throw new PlanMoved();
	sq.publishRoles(db, importId);

	const audit = { actorStaffId: importer.staffId };
	const changes = sq.selectStagedChanges(db, importId);
	for (const person of changes) {
		if (person.disable && person.staffId !== null) invalidateStaffSessions(ctx, person.staffId);
	}
	recordAuditEvents(
		ctx,
		changes.flatMap((person) => {
			const target = `staff:${person.employeeNo}`;
			return [
				...(person.rolesChange
					? [
							{
								action: 'staff.roles_change' as const,
								...audit,
								target,
								detail: person.rolesChange
							}
						]
					: []),
				...(person.disable
					? [{ action: 'staff.disable' as const, ...audit, target, detail: person.disable }]
					: [])
			];
		}),
		db
	);
	recordAudit(
		ctx,
		{
			action: 'roster.commit',
			...audit,
			target: `roster_import:${importId}`,
			detail: { fileName: input.fileName, via: importer.via, ...counts }
		},
		db
	);
}

/** A unique index refusing a new row means someone created it meanwhile: plan again. */
function publish<T>(work: () => T): T {
	try {
		return work();
	} catch (e) {
		if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw new PlanMoved();
		throw e;
	}
}

/** New branches, head offices first so that branches created alongside one hang under it. */
function insertBranches(db: Db, branches: NewBranch[], now: number): void {
	let headOfficeId = q.selectHeadOfficeId(db);
	const sorted = [...branches].sort(
		(a, b) => Number(b.type === 'head_office') - Number(a.type === 'head_office')
	);
	for (const b of sorted) {
		const parentId = b.type === 'head_office' ? null : headOfficeId;
		const id: number = publish(() => q.insertBranch(db, { ...b, parentId, createdAt: now }));
		if (b.type === 'head_office') headOfficeId ??= id;
	}
}
