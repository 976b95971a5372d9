import { recordAuditEventsIn, recordAuditIn } from '../audit/service';
import { invalidateStaffSessionsIn } from '../auth/service';
import type { AppContext } from '../context';
import type { Tx } from '../db';
import { isUniqueViolation } from '../db';
import { officeDay } from '../../time/office';
import type { Pace } from '../steps';
import type { NewBranch, RosterCounts } from './types';
import type { StageJob } from './stage';
import { JobLost } from './stage';
import type { RosterPlan } from './plan';
import * as data from './data';

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
	/**
	 * Called between the publish's long statements (and between slices of new people), inside
	 * the transaction: `paced()` gives each its own turn of the event loop, so a large import
	 * holds no other request for the sum of them (other writes still wait for the commit).
	 */
	pace: Pace;
}

/**
 * Publishes a staged plan inside the import's one write transaction `tx`, so that any failure
 * leaves nothing behind. Claims the end of the job first (so
 * a job given up for dead cannot publish), then checks that nothing the plan depends on moved
 * (PlanMoved otherwise), then applies the staged rows with a few set-based statements.
 */
export async function publishRosterPlan(
	ctx: AppContext,
	tx: Tx,
	input: PublishInput
): Promise<void> {
	const { job, plan, counts, pace } = input;
	const { importId, importer } = job;
	const now = ctx.clock.now();
	if (!(await data.finishJob(tx, importId, job.token, { committedAt: now, summary: counts }))) {
		throw new JobLost(importId);
	}
	if ((await data.selectRosterVersion(tx)) !== input.version) throw new PlanMoved();

	await insertBranches(tx, plan.newBranches, now);
	// A count short of the plan means a branch a row names is gone.
	if (
		(await publish(async () => await data.publishCreates(tx, importId, now, pace))) !==
		plan.creates.length
	) {
		throw new PlanMoved();
	}
	await pace();
	// Before the update: the history row needs the branch and position the person leaves.
	await data.publishTransfers(tx, importId, {
		now,
		today: officeDay(now),
		recordedBy: importer.staffId
	});
	if ((await data.publishUpdates(tx, importId, now)) !== plan.updates.length) throw new PlanMoved();
	await pace();
	await data.publishRoles(tx, importId);
	await pace();

	const audit = { actorStaffId: importer.staffId };
	const changes = await data.selectStagedChanges(tx, importId);
	for (const person of changes) {
		if (person.disable && person.staffId !== null) {
			await invalidateStaffSessionsIn(ctx, tx, person.staffId);
		}
	}
	await recordAuditEventsIn(
		ctx,
		tx,
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
		})
	);
	await recordAuditIn(ctx, tx, {
		action: 'roster.commit',
		...audit,
		target: `roster_import:${importId}`,
		detail: { fileName: input.fileName, via: importer.via, ...counts }
	});
	// The commit writes every page the publish changed: a turn of its own too.
	await pace();
}

/** A unique index refusing a new row means someone created it meanwhile: plan again. */
async function publish<T>(work: () => Promise<T>): Promise<T> {
	try {
		return await work();
	} catch (e) {
		if (isUniqueViolation(e)) throw new PlanMoved();
		throw e;
	}
}

/** New branches, head offices first so that branches created alongside one hang under it. */
async function insertBranches(tx: Tx, branches: NewBranch[], now: number): Promise<void> {
	let headOfficeId = await data.selectHeadOfficeId(tx);
	const sorted = [...branches].sort(
		(a, b) => Number(b.type === 'head_office') - Number(a.type === 'head_office')
	);
	for (const b of sorted) {
		const parentId = b.type === 'head_office' ? null : headOfficeId;
		const id = await publish(
			async () => await data.insertBranch(tx, { ...b, parentId, createdAt: now })
		);
		if (b.type === 'head_office') headOfficeId ??= id;
	}
}
