// A commit job's staged writes and the few set-based statements that publish them. Part of the
// roster data door.
import { and, eq, isNotNull, or, sql } from 'drizzle-orm';
import { exec, row, type Db, type Tx } from '../../db';
import { reserveIds } from '../../db/dialect';
import { rosterCommitJob, rosterStageRole, rosterStageStaff } from '../../db/schema';
import type { Pace } from '../../steps';

export type StagedStaff = typeof rosterStageStaff.$inferInsert;
export type StagedRole = typeof rosterStageRole.$inferInsert;

const DELETE_CHUNK = 10_000;

/** `deleteStaged` a slice of people at a time, pacing between slices. */
export async function deleteStagedPaced(db: Db, importId: number, pace: Pace): Promise<void> {
	for (;;) {
		const staff = await exec(
			db,
			`delete from roster_stage_staff where import_id = ? and seq in
				(select seq from roster_stage_staff where import_id = ? limit ${DELETE_CHUNK})`,
			[importId, importId]
		);
		const roles = await exec(
			db,
			`delete from roster_stage_role where import_id = ? and staff_id in
				(select staff_id from roster_stage_role where import_id = ? limit ${DELETE_CHUNK / 2})`,
			[importId, importId]
		);
		if (staff.changes + roles.changes === 0) return;
		await pace();
	}
}

export async function deleteStaged(db: Db, importId: number): Promise<void> {
	await db.delete(rosterStageStaff).where(eq(rosterStageStaff.importId, importId));
	await db.delete(rosterStageRole).where(eq(rosterStageRole.importId, importId));
}

/** Staged rows left by jobs that are not running (crashed ones, given up ones). */
export async function deleteOrphanedStaged(db: Db): Promise<void> {
	const running = db
		.select({ id: rosterCommitJob.importId })
		.from(rosterCommitJob)
		.where(isNotNull(rosterCommitJob.token));
	await db
		.delete(rosterStageStaff)
		.where(sql`${rosterStageStaff.importId} not in ${running}`);
	await db
		.delete(rosterStageRole)
		.where(sql`${rosterStageRole.importId} not in ${running}`);
}

// Hand-written multi-row inserts with fixed texts: drizzle's builder would spend more time
// building the 200,000 staged inserts of a large roster than the database spends running them.
const STAFF_COLUMNS =
	'import_id, seq, is_new, staff_id, employee_no, name, branch_code, position, hire_date, status, password_hash, roles_change, disable, effective_on';
const PROGRESS = `update roster_commit_job set phase = ?, done = ?, total = ?, heartbeat_at = ?
	where import_id = ? and token = ?`;

const multiRow = (head: string, row: string, rows: number): string =>
	`${head} values ${Array(rows).fill(row).join(',')}`;

// Rows per statement: 14 columns × 100 stays far below either database's parameter limit.
const ROWS_PER_INSERT = 100;

/**
 * Stages a chunk of people inside `tx`, a short transaction of its own that is also the job's
 * heartbeat and progress; false (and nothing to commit) when the job is no longer this one.
 */
export async function stageChunk(
	tx: Tx,
	job: { importId: number; token: string; done: number; total: number; now: number },
	staff: StagedStaff[],
	roles: StagedRole[]
): Promise<boolean> {
	const { importId, token, done, total, now } = job;
	const progress = await exec(tx, PROGRESS, ['preparing', done, total, now, importId, token]);
	if (progress.changes !== 1) return false;
	for (let i = 0; i < staff.length; i += ROWS_PER_INSERT) {
		const chunk = staff.slice(i, i + ROWS_PER_INSERT);
		await exec(
			tx,
			multiRow(
				`insert into roster_stage_staff (${STAFF_COLUMNS})`,
				'(?,?,?,?,?,?,?,?,?,?,?,?,?,?)',
				chunk.length
			),
			chunk.flatMap((r) => [
				r.importId,
				r.seq,
				r.isNew,
				r.staffId,
				r.employeeNo,
				r.name,
				r.branchCode,
				r.position,
				r.hireDate ?? null,
				r.status,
				r.passwordHash ?? null,
				r.rolesChange ? JSON.stringify(r.rolesChange) : null,
				r.disable ? JSON.stringify(r.disable) : null,
				r.effectiveOn ?? null
			])
		);
	}
	for (let i = 0; i < roles.length; i += ROWS_PER_INSERT * 4) {
		const chunk = roles.slice(i, i + ROWS_PER_INSERT * 4);
		await exec(
			tx,
			multiRow(
				'insert into roster_stage_role (import_id, staff_id, role)',
				'(?,?,?)',
				chunk.length
			),
			chunk.flatMap((r) => [r.importId, r.staffId, r.role])
		);
	}
	return true;
}

/**
 * Sets aside `count` staff ids for a job's new people, so their rows can be staged with their
 * final ids; null when the job is no longer this one.
 */
export async function reserveStaffIds(
	tx: Tx,
	job: { importId: number; token: string },
	count: number
): Promise<number[] | null> {
	const running = await row(
		tx,
		'select 1 as ok from roster_commit_job where import_id = ? and token = ?',
		[job.importId, job.token]
	);
	return running ? await reserveIds(tx, 'staff', count) : null;
}

// New people per statement when publishing: 100,000 in one took ~400 ms of the event loop here.
const CREATE_CHUNK = 20_000;

/**
 * Inserts the staged new people with their reserved ids, each in the branch named by code, in
 * file order, a slice of file positions per statement, pacing between slices (all inside the
 * caller's transaction, so the publish stays all or nothing). Returns how many it inserted.
 */
export async function publishCreates(
	db: Db,
	importId: number,
	now: number,
	pace: Pace
): Promise<number> {
	const last = await row<{ last: number | null }>(
		db,
		sql`select max(seq) as "last" from roster_stage_staff where import_id = ${importId}`
	);
	let created = 0;
	for (let from = 0; from <= (last?.last ?? -1); from += CREATE_CHUNK) {
		if (from > 0) await pace();
		const result = await exec(
			db,
			sql`insert into staff (id, employee_no, name, branch_id, position, hire_date, status,
				password_hash, must_change_password, created_at, updated_at)
			select g.staff_id, g.employee_no, g.name, b.id, g.position, g.hire_date, g.status,
				g.password_hash, true, ${now}, ${now}
			from roster_stage_staff g join branch b on b.code = g.branch_code
			where g.import_id = ${importId} and g.is_new = true
				and g.seq >= ${from} and g.seq < ${from + CREATE_CHUNK}
			order by g.seq`
		);
		created += result.changes;
	}
	return created;
}

/**
 * Records in the people's history every staged change of branch or position, effective on the
 * file's date or else `today`; run before publishUpdates, while staff still holds the old values.
 * Returns how many it recorded.
 */
export async function publishTransfers(
	db: Db,
	importId: number,
	at: { now: number; today: string; recordedBy: number | null }
): Promise<number> {
	return (
		await exec(
			db,
			sql`insert into staff_transfer (staff_id, effective_on, from_branch_id, to_branch_id,
				from_position, to_position, import_id, recorded_by, recorded_at)
			select s.id, coalesce(g.effective_on, ${at.today}), s.branch_id, b.id, s.position,
				g.position, cast(${importId} as integer), cast(${at.recordedBy} as integer), ${at.now}
			from roster_stage_staff g
			join staff s on s.id = g.staff_id
			join branch b on b.code = g.branch_code
			where g.import_id = ${importId} and g.is_new = false
				and (s.branch_id <> b.id or s.position <> g.position)
			order by g.seq`
		)
	).changes;
}

/** Applies the staged changes to existing people. */
export async function publishUpdates(db: Db, importId: number, now: number): Promise<number> {
	return (
		await exec(
			db,
			sql`update staff set name = g.name, branch_id = b.id, position = g.position,
				hire_date = g.hire_date, status = g.status, updated_at = ${now}
			from roster_stage_staff g join branch b on b.code = g.branch_code
			where g.import_id = ${importId} and g.is_new = false and g.staff_id = staff.id`
		)
	).changes;
}

/** Gives new people their roles and replaces the roles of people whose roles change. */
export async function publishRoles(db: Db, importId: number): Promise<void> {
	await exec(
		db,
		sql`delete from staff_role where staff_id in (
			select staff_id from roster_stage_staff
			where import_id = ${importId} and is_new = false and roles_change is not null)`
	);
	await exec(
		db,
		sql`insert into staff_role (staff_id, role)
			select staff_id, role from roster_stage_role where import_id = ${importId}
			order by staff_id, role`
	);
}

/** Staged people whose roles change or who are marked as left: what gets audited. */
export async function selectStagedChanges(
	db: Db,
	importId: number
): Promise<
	Pick<typeof rosterStageStaff.$inferSelect, 'staffId' | 'employeeNo' | 'rolesChange' | 'disable'>[]
> {
	return await db
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
				eq(rosterStageStaff.isNew, false),
				or(isNotNull(rosterStageStaff.rolesChange), isNotNull(rosterStageStaff.disable))
			)
		)
		.orderBy(rosterStageStaff.seq);
}
