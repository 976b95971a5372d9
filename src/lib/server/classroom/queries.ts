import { and, asc, desc, eq, gt, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db';
import {
	branch,
	classSession,
	course,
	sessionAttendance,
	sessionEnrolment,
	signInThrottle,
	staff,
	type ClassSession
} from '../db/schema';
import type { StaffStatus } from '../../org/enums';

type SignInThrottle = typeof signInThrottle.$inferSelect;

const enrolledCount = sql<number>`(select count(*) from ${sessionEnrolment} where ${sessionEnrolment.sessionId} = ${classSession.id})`;
const attendedCount = sql<number>`(select count(*) from ${sessionAttendance} where ${sessionAttendance.sessionId} = ${classSession.id})`;

const summaryColumns = {
	id: classSession.id,
	title: classSession.title,
	courseTitle: course.title,
	startsAt: classSession.startsAt,
	endsAt: classSession.endsAt,
	place: classSession.place,
	capacity: classSession.capacity,
	classHours: classSession.classHours,
	status: classSession.status,
	trainerId: classSession.trainerId,
	trainerName: staff.name,
	enrolled: enrolledCount,
	attended: attendedCount
};

export interface SessionSummary {
	id: number;
	title: string;
	courseTitle: string;
	startsAt: number;
	endsAt: number;
	place: string;
	capacity: number;
	classHours: number;
	status: ClassSession['status'];
	trainerId: number;
	trainerName: string;
	enrolled: number;
	attended: number;
}

export async function insertSession(
	db: Db,
	row: typeof classSession.$inferInsert
): Promise<ClassSession> {
	return await db.insert(classSession).values(row).returning().get();
}

export async function selectSession(db: Db, id: number): Promise<ClassSession | undefined> {
	return await db.select().from(classSession).where(eq(classSession.id, id)).get();
}

export async function updateSession(
	db: Db,
	id: number,
	set: Partial<typeof classSession.$inferInsert>
): Promise<void> {
	await db.update(classSession).set(set).where(eq(classSession.id, id)).run();
}

/** Sessions with their counts; upcoming = not yet ended, soonest first; past = latest first. */
export async function selectSessionSummaries(
	db: Db,
	filter: { trainerId: number | null; when: 'upcoming' | 'past' | 'all'; now: number; id?: number }
): Promise<SessionSummary[]> {
	const where: SQL[] = [];
	if (filter.trainerId !== null) where.push(eq(classSession.trainerId, filter.trainerId));
	if (filter.when === 'upcoming') where.push(gt(classSession.endsAt, filter.now));
	if (filter.when === 'past') where.push(lte(classSession.endsAt, filter.now));
	if (filter.id !== undefined) where.push(eq(classSession.id, filter.id));
	return await db
		.select(summaryColumns)
		.from(classSession)
		.innerJoin(course, eq(classSession.courseId, course.id))
		.innerJoin(staff, eq(classSession.trainerId, staff.id))
		.where(and(...where))
		.orderBy(filter.when === 'past' ? desc(classSession.startsAt) : asc(classSession.startsAt))
		.all();
}

/** A scheduled session whose code is valid at `now`. */
export async function selectSessionByValidCode(
	db: Db,
	code: string,
	now: number
): Promise<ClassSession | undefined> {
	return await db
		.select()
		.from(classSession)
		.where(
			and(
				eq(classSession.signInCode, code),
				gt(classSession.signInExpiresAt, now),
				eq(classSession.status, 'scheduled')
			)
		)
		.get();
}

export async function hasSessionWithCode(db: Db, code: string): Promise<boolean> {
	return !!(await db
		.select({ id: classSession.id })
		.from(classSession)
		.where(eq(classSession.signInCode, code))
		.get());
}

export interface RosterRow {
	staffId: number;
	employeeNo: string;
	name: string;
	position: string;
	status: StaffStatus;
	branchName: string;
	method: 'roster' | 'code' | null;
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
		.orderBy(asc(branch.code), asc(staff.employeeNo))
		.all();
}

export async function selectEnrolledIds(db: Db, sessionId: number): Promise<Set<number>> {
	const rows = await db
		.select({ staffId: sessionEnrolment.staffId })
		.from(sessionEnrolment)
		.where(eq(sessionEnrolment.sessionId, sessionId))
		.all();
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
			.onConflictDoNothing()
			.run();
	}
}

export async function deleteEnrolment(db: Db, sessionId: number, staffId: number): Promise<number> {
	return (
		await db
			.delete(sessionEnrolment)
			.where(and(eq(sessionEnrolment.sessionId, sessionId), eq(sessionEnrolment.staffId, staffId)))
			.run()
	).changes;
}

export async function selectAttendedIds(db: Db, sessionId: number): Promise<Set<number>> {
	const rows = await db
		.select({ staffId: sessionAttendance.staffId })
		.from(sessionAttendance)
		.where(eq(sessionAttendance.sessionId, sessionId))
		.all();
	return new Set(rows.map((r) => r.staffId));
}

/** True when the row was new: a second record of the same person is ignored. */
export async function insertAttendance(
	db: Db,
	row: typeof sessionAttendance.$inferInsert
): Promise<boolean> {
	return (await db.insert(sessionAttendance).values(row).onConflictDoNothing().run()).changes === 1;
}

export async function selectThrottle(db: Db, staffId: number): Promise<SignInThrottle | undefined> {
	return await db.select().from(signInThrottle).where(eq(signInThrottle.staffId, staffId)).get();
}

export async function upsertThrottle(
	db: Db,
	row: typeof signInThrottle.$inferInsert
): Promise<void> {
	await db
		.insert(signInThrottle)
		.values(row)
		.onConflictDoUpdate({
			target: signInThrottle.staffId,
			set: {
				failures: row.failures,
				windowStartedAt: row.windowStartedAt,
				lockedUntil: row.lockedUntil ?? null
			}
		})
		.run();
}

export async function deleteThrottle(db: Db, staffId: number): Promise<void> {
	await db.delete(signInThrottle).where(eq(signInThrottle.staffId, staffId)).run();
}
