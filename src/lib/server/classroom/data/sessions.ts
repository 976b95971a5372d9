import { and, asc, desc, eq, gt, lte, sql, type SQL } from 'drizzle-orm';
import { first, inserted, type Db } from '../../db';
import {
	classSession,
	course,
	sessionAttendance,
	sessionEnrolment,
	staff,
	type ClassSession
} from '../../db/schema';

// class_session: the sessions, their counts and their sign-in codes.

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
	return await inserted(db.insert(classSession).values(row).returning());
}

export async function selectSession(db: Db, id: number): Promise<ClassSession | undefined> {
	return await first(db.select().from(classSession).where(eq(classSession.id, id)));
}

export async function updateSession(
	db: Db,
	id: number,
	set: Partial<typeof classSession.$inferInsert>
): Promise<void> {
	await db.update(classSession).set(set).where(eq(classSession.id, id));
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
		.orderBy(filter.when === 'past' ? desc(classSession.startsAt) : asc(classSession.startsAt));
}

/** A scheduled session whose code is valid at `now`. */
export async function selectSessionByValidCode(
	db: Db,
	code: string,
	now: number
): Promise<ClassSession | undefined> {
	return await first(db
		.select()
		.from(classSession)
		.where(
			and(
				eq(classSession.signInCode, code),
				gt(classSession.signInExpiresAt, now),
				eq(classSession.status, 'scheduled')
			)
		));
}

export async function hasSessionWithCode(db: Db, code: string): Promise<boolean> {
	return !!(await first(db
		.select({ id: classSession.id })
		.from(classSession)
		.where(eq(classSession.signInCode, code))));
}

/** Every session a person is enrolled in, with whether they attended. */
export interface StaffSessionRow {
	id: number;
	title: string;
	courseTitle: string;
	startsAt: number;
	endsAt: number;
	place: string;
	classHours: number;
	status: 'scheduled' | 'cancelled';
	trainerName: string;
	attendedAt: number | null;
}

export async function selectSessionsOfStaff(
	db: Db,
	staffId: number,
	endedAfter?: number
): Promise<StaffSessionRow[]> {
	const where: SQL[] = [eq(sessionEnrolment.staffId, staffId)];
	if (endedAfter !== undefined) {
		where.push(gt(classSession.endsAt, endedAfter), eq(classSession.status, 'scheduled'));
	}
	return await db
		.select({
			id: classSession.id,
			title: classSession.title,
			courseTitle: course.title,
			startsAt: classSession.startsAt,
			endsAt: classSession.endsAt,
			place: classSession.place,
			classHours: classSession.classHours,
			status: classSession.status,
			trainerName: staff.name,
			attendedAt: sessionAttendance.recordedAt
		})
		.from(sessionEnrolment)
		.innerJoin(classSession, eq(sessionEnrolment.sessionId, classSession.id))
		.innerJoin(course, eq(classSession.courseId, course.id))
		.innerJoin(staff, eq(classSession.trainerId, staff.id))
		.leftJoin(
			sessionAttendance,
			and(
				eq(sessionAttendance.sessionId, classSession.id),
				eq(sessionAttendance.staffId, sessionEnrolment.staffId)
			)
		)
		.where(and(...where))
		.orderBy(asc(classSession.startsAt));
}
