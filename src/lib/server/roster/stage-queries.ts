// A commit job's staged writes and the few set-based statements that publish them. Part of the
// roster data door.
import type { Statement } from 'better-sqlite3';
import { and, eq, isNotNull, or, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { rosterCommitJob, rosterStageRole, rosterStageStaff, type CommitPhase } from '../db/schema';
import type { Steps } from '../steps';

export type StagedStaff = typeof rosterStageStaff.$inferInsert;
export type StagedRole = typeof rosterStageRole.$inferInsert;

const DELETE_CHUNK = 10_000;

/** `deleteStaged` a slice of people at a time, for a job that must not hold up requests. */
export function* deleteStagedSteps(db: Db, importId: number): Steps<void> {
	const c = db.$client;
	const staff = c.prepare(
		`delete from roster_stage_staff where import_id = ? and seq in
			(select seq from roster_stage_staff where import_id = ? limit ${DELETE_CHUNK})`
	);
	const roles = c.prepare(
		`delete from roster_stage_role where import_id = ? and staff_id in
			(select staff_id from roster_stage_role where import_id = ? limit ${DELETE_CHUNK / 2})`
	);
	while (staff.run(importId, importId).changes + roles.run(importId, importId).changes > 0) yield;
}

export function deleteStaged(db: Db, importId: number): void {
	db.delete(rosterStageStaff).where(eq(rosterStageStaff.importId, importId)).run();
	db.delete(rosterStageRole).where(eq(rosterStageRole.importId, importId)).run();
}

/** Staged rows left by jobs that are not running (crashed ones, given up ones). */
export function deleteOrphanedStaged(db: Db): void {
	const running = db
		.select({ id: rosterCommitJob.importId })
		.from(rosterCommitJob)
		.where(isNotNull(rosterCommitJob.token));
	db.delete(rosterStageStaff)
		.where(sql`${rosterStageStaff.importId} not in ${running}`)
		.run();
	db.delete(rosterStageRole)
		.where(sql`${rosterStageRole.importId} not in ${running}`)
		.run();
}

// Raw statements prepared once per connection: drizzle's builder would spend more time building
// the 200,000 staged inserts of a large roster than SQLite spends running them.
interface StageStatements {
	progress: Statement<[CommitPhase, number, number, number, number, string]>;
	staff: Map<number, Statement>;
	roles: Map<number, Statement>;
}
const statementCache = new WeakMap<Db, StageStatements>();
const STAFF_COLUMNS =
	'import_id, seq, is_new, staff_id, employee_no, name, branch_code, position, hire_date, status, password_hash, roles_change, disable';

function statements(db: Db): StageStatements {
	let s = statementCache.get(db);
	if (!s) {
		s = {
			progress: db.$client.prepare(
				`update roster_commit_job set phase = ?, done = ?, total = ?, heartbeat_at = ?
				 where import_id = ? and token = ?`
			),
			staff: new Map(),
			roles: new Map()
		};
		statementCache.set(db, s);
	}
	return s;
}

/** A multi-row insert of `rows` rows, prepared on first use. */
function insertRows(
	db: Db,
	cache: Map<number, Statement>,
	sqlHead: string,
	row: string,
	rows: number
) {
	let statement = cache.get(rows);
	if (!statement) {
		statement = db.$client.prepare(`${sqlHead} values ${Array(rows).fill(row).join(',')}`);
		cache.set(rows, statement);
	}
	return statement;
}

// Rows per statement: 13 columns × 100 stays far below SQLite's bound-parameter limit.
const ROWS_PER_INSERT = 100;

/**
 * Stages a chunk of people in one short transaction of its own, which is also the job's
 * heartbeat and progress; false (and nothing written) when the job is no longer this one.
 * Runs on the connection itself (`db` must not be a drizzle transaction).
 */
export function stageChunk(
	db: Db,
	job: { importId: number; token: string; done: number; total: number; now: number },
	staff: StagedStaff[],
	roles: StagedRole[]
): boolean {
	const s = statements(db);
	return db.$client
		.transaction(() => {
			const { importId, token, done, total, now } = job;
			if (s.progress.run('preparing', done, total, now, importId, token).changes !== 1)
				return false;
			for (let i = 0; i < staff.length; i += ROWS_PER_INSERT) {
				const rows = staff.slice(i, i + ROWS_PER_INSERT);
				insertRows(
					db,
					s.staff,
					`insert into roster_stage_staff (${STAFF_COLUMNS})`,
					'(?,?,?,?,?,?,?,?,?,?,?,?,?)',
					rows.length
				).run(
					rows.flatMap((r) => [
						r.importId,
						r.seq,
						r.isNew ? 1 : 0,
						r.staffId,
						r.employeeNo,
						r.name,
						r.branchCode,
						r.position,
						r.hireDate ?? null,
						r.status,
						r.passwordHash ?? null,
						r.rolesChange ? JSON.stringify(r.rolesChange) : null,
						r.disable ? JSON.stringify(r.disable) : null
					])
				);
			}
			for (let i = 0; i < roles.length; i += ROWS_PER_INSERT * 4) {
				const rows = roles.slice(i, i + ROWS_PER_INSERT * 4);
				insertRows(
					db,
					s.roles,
					'insert into roster_stage_role (import_id, staff_id, role)',
					'(?,?,?)',
					rows.length
				).run(rows.flatMap((r) => [r.importId, r.staffId, r.role]));
			}
			return true;
		})
		.immediate();
}

/**
 * Sets aside `count` staff ids for a job's new people, so their rows can be staged with their
 * final ids: moving staff's AUTOINCREMENT counter past them means no one else is given one
 * (SQLite documents sqlite_sequence as writable for this). A failed job leaves a gap; ids mean
 * nothing. Returns the first id, or null when the job is no longer this one.
 */
export function reserveStaffIds(
	db: Db,
	job: { importId: number; token: string },
	count: number
): number | null {
	return db.$client
		.transaction(() => {
			const running = db.$client
				.prepare(`select 1 from roster_commit_job where import_id = ? and token = ?`)
				.get(job.importId, job.token);
			if (!running) return null;
			const { next } = db.$client
				.prepare(
					`select max(coalesce((select seq from sqlite_sequence where name = 'staff'), 0),
						coalesce((select max(id) from staff), 0)) + 1 as next`
				)
				.get() as { next: number };
			const last = next + count - 1;
			const moved = db.$client
				.prepare(`update sqlite_sequence set seq = ? where name = 'staff'`)
				.run(last).changes;
			if (moved === 0) {
				db.$client.prepare(`insert into sqlite_sequence (name, seq) values ('staff', ?)`).run(last);
			}
			return next;
		})
		.immediate();
}

/** Inserts the staged new people with their reserved ids, each in the branch named by code. */
export function publishCreates(db: Db, importId: number, now: number): number {
	return db.run(
		sql`insert into staff (id, employee_no, name, branch_id, position, hire_date, status,
				password_hash, must_change_password, created_at, updated_at)
			select g.staff_id, g.employee_no, g.name, b.id, g.position, g.hire_date, g.status,
				g.password_hash, 1, ${now}, ${now}
			from roster_stage_staff g join branch b on b.code = g.branch_code
			where g.import_id = ${importId} and g.is_new = 1
			order by g.seq`
	).changes;
}

/** Applies the staged changes to existing people. */
export function publishUpdates(db: Db, importId: number, now: number): number {
	return db.run(
		sql`update staff set name = g.name, branch_id = b.id, position = g.position,
				hire_date = g.hire_date, status = g.status, updated_at = ${now}
			from roster_stage_staff g join branch b on b.code = g.branch_code
			where g.import_id = ${importId} and g.is_new = 0 and g.staff_id = staff.id`
	).changes;
}

/** Gives new people their roles and replaces the roles of people whose roles change. */
export function publishRoles(db: Db, importId: number): void {
	db.run(
		sql`delete from staff_role where staff_id in (
			select staff_id from roster_stage_staff
			where import_id = ${importId} and is_new = 0 and roles_change is not null)`
	);
	db.run(
		sql`insert into staff_role (staff_id, role)
			select staff_id, role from roster_stage_role where import_id = ${importId}
			order by staff_id, role`
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
				eq(rosterStageStaff.isNew, false),
				or(isNotNull(rosterStageStaff.rolesChange), isNotNull(rosterStageStaff.disable))
			)
		)
		.orderBy(rosterStageStaff.seq)
		.all();
}
