import type { AttendanceMethod } from '../../../classroom/enums';
import { and, asc, countDistinct, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { first, type Db } from '../../db';
import { staffBranchOn, staffPositionOn } from '../../db/staff-at-time';
import { branch, classSession, sessionAttendance, sessionEnrolment, staff } from '../../db/schema';
import type { StaffStatus } from '../../../org/enums';

// session_enrolment and session_attendance: who is on a session's roster and who was there.

export interface RosterRow {
	staffId: number;
	employeeNo: string;
	name: string;
	position: string;
	status: StaffStatus;
	branchName: string;
	method: AttendanceMethod | null;
	attendedAt: number | null;
}

export async function selectRoster(db: Db, sessionId: number): Promise<RosterRow[]> {
	return await db
		.select({
			staffId: staff.id,
			employeeNo: staff.employeeNo,
			name: staff.name,
			position: staff.position,
			status: staff.status,
			branchName: branch.name,
			method: sessionAttendance.method,
			attendedAt: sessionAttendance.recordedAt
		})
		.from(sessionEnrolment)
		.innerJoin(staff, eq(sessionEnrolment.staffId, staff.id))
		.innerJoin(branch, eq(staff.branchId, branch.id))
		.leftJoin(
			sessionAttendance,
			and(
				eq(sessionAttendance.sessionId, sessionEnrolment.sessionId),
				eq(sessionAttendance.staffId, sessionEnrolment.staffId)
			)
		)
		.where(eq(sessionEnrolment.sessionId, sessionId))
		.orderBy(asc(branch.code), asc(staff.employeeNo));
}

export async function selectEnrolledIds(db: Db, sessionId: number): Promise<Set<number>> {
	const rows = await db
		.select({ staffId: sessionEnrolment.staffId })
		.from(sessionEnrolment)
		.where(eq(sessionEnrolment.sessionId, sessionId));
	return new Set(rows.map((r) => r.staffId));
}

export async function insertEnrolments(
	db: Db,
	rows: (typeof sessionEnrolment.$inferInsert)[]
): Promise<void> {
	// SQLite caps bound variables per statement; 4 columns × 200 rows stays well inside it.
	for (let i = 0; i < rows.length; i += 200) {
		await db
			.insert(sessionEnrolment)
			.values(rows.slice(i, i + 200))
			.onConflictDoNothing();
	}
}

export async function deleteEnrolment(db: Db, sessionId: number, staffId: number): Promise<number> {
	return (
		await db
			.delete(sessionEnrolment)
			.where(and(eq(sessionEnrolment.sessionId, sessionId), eq(sessionEnrolment.staffId, staffId)))
	).changes;
}

export async function selectAttendedIds(db: Db, sessionId: number): Promise<Set<number>> {
	const rows = await db
		.select({ staffId: sessionAttendance.staffId })
		.from(sessionAttendance)
		.where(eq(sessionAttendance.sessionId, sessionId));
	return new Set(rows.map((r) => r.staffId));
}

/** True when the row was new: a second record of the same person is ignored. */
export async function insertAttendance(
	db: Db,
	row: typeof sessionAttendance.$inferInsert
): Promise<boolean> {
	return (await db.insert(sessionAttendance).values(row).onConflictDoNothing()).changes === 1;
}

export interface PersonTimeCount {
	/** Attendance rows: one per person per session (人次). */
	personTimes: number;
	/** Sessions with at least one person present. */
	sessions: number;
	/** Different people present at least once. */
	people: number;
}

/**
 * Attendance of sessions starting in [fromMs, toMs), optionally of the staff of one branch and/or
 * (current) position; a session then counts when at least one such person was present.
 */
export async function countAttendance(
	db: Db,
	fromMs: number,
	toMs: number,
	group: { branchId?: number; position?: string } = {}
): Promise<PersonTimeCount> {
	const where: SQL[] = [gte(classSession.startsAt, fromMs), lt(classSession.startsAt, toMs)];
	// Branch and position of the session's day: a transfer later does not move past attendance.
	if (group.branchId !== undefined) {
		where.push(eq(staffBranchOn(db, classSession.startsAt), group.branchId));
	}
	if (group.position !== undefined) {
		where.push(eq(staffPositionOn(db, classSession.startsAt), group.position));
	}
	const row = await first(db
		.select({
			personTimes: sql<number>`count(*)`,
			sessions: countDistinct(sessionAttendance.sessionId),
			people: countDistinct(sessionAttendance.staffId)
		})
		.from(sessionAttendance)
		.innerJoin(classSession, eq(sessionAttendance.sessionId, classSession.id))
		.innerJoin(staff, eq(sessionAttendance.staffId, staff.id))
		.where(and(...where)));
	return {
		personTimes: row?.personTimes ?? 0,
		sessions: row?.sessions ?? 0,
		people: row?.people ?? 0
	};
}
