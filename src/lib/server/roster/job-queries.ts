// The commit job's storage: its state on roster_import (so every app node sees it), its staged
// writes, and the few set-based statements that publish them. Part of the roster data door.
import { and, eq, isNotNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../db';
import {
	rosterImport,
	rosterStageRole,
	rosterStageStaff,
	type CommitFailure,
	type CommitPhase
} from '../db/schema';

export type StagedStaff = typeof rosterStageStaff.$inferInsert;
export type StagedRole = typeof rosterStageRole.$inferInsert;

const committing = (id: number, token: string) =>
	and(
		eq(rosterImport.id, id),
		eq(rosterImport.status, 'committing'),
		eq(rosterImport.jobToken, token)
	);

/** Moves a previewed import to committing under a new job; false when it was not previewed. */
export function claimCommit(
	db: Db,
	id: number,
	job: { token: string; owner: string; now: number }
): boolean {
	return (
		db
			.update(rosterImport)
			.set({
				status: 'committing',
				jobToken: job.token,
				jobOwner: job.owner,
				jobPhase: 'checking',
				jobDone: 0,
				jobTotal: 0,
				jobStartedAt: job.now,
				jobHeartbeatAt: job.now,
				jobError: null
			})
			.where(and(eq(rosterImport.id, id), eq(rosterImport.status, 'previewed')))
			.run().changes === 1
	);
}

/** Records progress (and that the job is alive); false when the job is no longer this one. */
export function updateJobProgress(
	db: Db,
	id: number,
	token: string,
	progress: { phase: CommitPhase; done: number; total: number; now: number }
): boolean {
	const { phase, done, total, now } = progress;
	return (
		db
			.update(rosterImport)
			.set({ jobPhase: phase, jobDone: done, jobTotal: total, jobHeartbeatAt: now })
			.where(committing(id, token))
			.run().changes === 1
	);
}

/** Keeps the new accounts' passwords ready; they are handed out only once the import commits. */
export function storeJobPasswords(db: Db, id: number, token: string, json: string | null): boolean {
	return (
		db.update(rosterImport).set({ initialPasswords: json }).where(committing(id, token)).run()
			.changes === 1
	);
}

/** The job's end, in its final transaction; false when the job was given up meanwhile. */
export function finishJob(
	db: Db,
	id: number,
	token: string,
	set: { committedAt: number; summary: Record<string, number> }
): boolean {
	return (
		db
			.update(rosterImport)
			.set({ ...set, status: 'committed', jobPhase: null, jobToken: null })
			.where(committing(id, token))
			.run().changes === 1
	);
}

/**
 * Puts a failed job's import back to previewed, saying why, without its passwords; `token`
 * null fails whatever job holds it. False when no such job was running.
 */
export function failJob(db: Db, id: number, token: string | null, error: CommitFailure): boolean {
	const where = token
		? committing(id, token)
		: and(eq(rosterImport.id, id), eq(rosterImport.status, 'committing'));
	return (
		db
			.update(rosterImport)
			.set({
				status: 'previewed',
				jobError: error,
				jobToken: null,
				jobPhase: null,
				initialPasswords: null
			})
			.where(where)
			.run().changes === 1
	);
}

/** Jobs silent since `heartbeatBefore`, or owned by `owner` (a process that just restarted). */
export function selectDeadJobs(db: Db, heartbeatBefore: number, owner: string | null): number[] {
	const stale = lt(rosterImport.jobHeartbeatAt, heartbeatBefore);
	return db
		.select({ id: rosterImport.id })
		.from(rosterImport)
		.where(
			and(
				eq(rosterImport.status, 'committing'),
				owner ? or(stale, eq(rosterImport.jobOwner, owner)) : stale
			)
		)
		.all()
		.map((r) => r.id);
}

export function deleteStaged(db: Db, importId: number): void {
	db.delete(rosterStageStaff).where(eq(rosterStageStaff.importId, importId)).run();
	db.delete(rosterStageRole).where(eq(rosterStageRole.importId, importId)).run();
}

/** Staged rows left by jobs that are not running (crashed ones, given up ones). */
export function deleteOrphanedStaged(db: Db): void {
	const running = db
		.select({ id: rosterImport.id })
		.from(rosterImport)
		.where(eq(rosterImport.status, 'committing'));
	db.delete(rosterStageStaff)
		.where(sql`${rosterStageStaff.importId} not in ${running}`)
		.run();
	db.delete(rosterStageRole)
		.where(sql`${rosterStageRole.importId} not in ${running}`)
		.run();
}

// 12 columns a row keeps a chunk well under SQLite's 32,766 bound parameters.
const INSERT_BATCH = 500;

export function insertStaged(db: Db, staff: StagedStaff[], roles: StagedRole[]): void {
	for (let i = 0; i < staff.length; i += INSERT_BATCH) {
		db.insert(rosterStageStaff)
			.values(staff.slice(i, i + INSERT_BATCH))
			.run();
	}
	for (let i = 0; i < roles.length; i += INSERT_BATCH * 4) {
		db.insert(rosterStageRole)
			.values(roles.slice(i, i + INSERT_BATCH * 4))
			.run();
	}
}

/** The id the first new person gets: past every id ever used (staff ids are AUTOINCREMENT). */
export function selectNextStaffId(db: Db): number {
	const row = db.get<{ next: number }>(
		sql`select max(coalesce((select seq from sqlite_sequence where name = 'staff'), 0),
			coalesce((select max(id) from staff), 0)) + 1 as next`
	);
	return row.next;
}

/** Inserts the staged new people as staff `base + seq`, each in the branch named by code. */
export function publishCreates(db: Db, importId: number, base: number, now: number): number {
	return db.run(
		sql`insert into staff (id, employee_no, name, branch_id, position, hire_date, status,
				password_hash, must_change_password, created_at, updated_at)
			select ${base} + g.seq, g.employee_no, g.name, b.id, g.position, g.hire_date, g.status,
				g.password_hash, 1, ${now}, ${now}
			from roster_stage_staff g join branch b on b.code = g.branch_code
			where g.import_id = ${importId} and g.staff_id is null
			order by g.seq`
	).changes;
}

/** Applies the staged changes to existing people. */
export function publishUpdates(db: Db, importId: number, now: number): number {
	return db.run(
		sql`update staff set name = g.name, branch_id = b.id, position = g.position,
				hire_date = g.hire_date, status = g.status, updated_at = ${now}
			from roster_stage_staff g join branch b on b.code = g.branch_code
			where g.import_id = ${importId} and g.staff_id = staff.id`
	).changes;
}

/** Gives new people their roles and replaces the roles of people whose roles change. */
export function publishRoles(db: Db, importId: number, base: number): void {
	db.run(
		sql`delete from staff_role where staff_id in (
			select staff_id from roster_stage_staff
			where import_id = ${importId} and staff_id is not null and roles_change is not null)`
	);
	db.run(
		sql`insert into staff_role (staff_id, role)
			select coalesce(g.staff_id, ${base} + g.seq), r.role
			from roster_stage_role r
			join roster_stage_staff g on g.import_id = r.import_id and g.seq = r.seq
			where r.import_id = ${importId}`
	);
}

/** Staged people whose roles change or who are marked as left: what gets audited. */
export function selectStagedChanges(
	db: Db,
	importId: number
): Pick<
	typeof rosterStageStaff.$inferSelect,
	'staffId' | 'employeeNo' | 'rolesChange' | 'disable'
>[] {
	return db
		.select({
			staffId: rosterStageStaff.staffId,
			employeeNo: rosterStageStaff.employeeNo,
			rolesChange: rosterStageStaff.rolesChange,
			disable: rosterStageStaff.disable
		})
		.from(rosterStageStaff)
		.where(
			and(
				eq(rosterStageStaff.importId, importId),
				isNotNull(rosterStageStaff.staffId),
				or(isNotNull(rosterStageStaff.rolesChange), isNotNull(rosterStageStaff.disable))
			)
		)
		.orderBy(rosterStageStaff.seq)
		.all();
}
