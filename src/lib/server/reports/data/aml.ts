/**
 * The regulator's AML training table's reads: classroom sessions and online courses explicitly
 * tagged as anti-money-laundering training (class_session.aml_training, course.aml_training).
 */
import { and, asc, countDistinct, eq, gte, lt, max, min } from 'drizzle-orm';
import type { Db } from '../../db';
import {
	classSession,
	course,
	lessonCompletion,
	sessionAttendance,
	staff
} from '../../db/schema';

export interface AmlSessionRow {
	id: number;
	title: string;
	startsAt: number;
	attendees: number;
}

export interface AmlCourseRow {
	id: number;
	title: string;
	attendees: number;
	firstAt: number;
	lastAt: number;
}

/** Held (not cancelled) AML sessions starting in [fromMs, toMs), with who attended. */
export async function selectAmlSessions(
	db: Db,
	fromMs: number,
	toMs: number
): Promise<AmlSessionRow[]> {
	const rows = await db
		.select({
			id: classSession.id,
			title: classSession.title,
			startsAt: classSession.startsAt,
			attendees: countDistinct(sessionAttendance.staffId)
		})
		.from(classSession)
		.leftJoin(sessionAttendance, eq(sessionAttendance.sessionId, classSession.id))
		.where(
			and(
				eq(classSession.amlTraining, true),
				eq(classSession.status, 'scheduled'),
				gte(classSession.startsAt, fromMs),
				lt(classSession.startsAt, toMs)
			)
		)
		.groupBy(classSession.id, classSession.title, classSession.startsAt)
		.orderBy(asc(classSession.startsAt), asc(classSession.id));
	return rows.map((r) => ({ ...r, attendees: Number(r.attendees) }));
}

/** The positions of the people who attended each AML session in the range. */
export async function selectAmlSessionPositions(
	db: Db,
	fromMs: number,
	toMs: number
): Promise<{ sessionId: number; position: string }[]> {
	return await db
		.selectDistinct({ sessionId: sessionAttendance.sessionId, position: staff.position })
		.from(sessionAttendance)
		.innerJoin(classSession, eq(classSession.id, sessionAttendance.sessionId))
		.innerJoin(staff, eq(staff.id, sessionAttendance.staffId))
		.where(
			and(
				eq(classSession.amlTraining, true),
				gte(classSession.startsAt, fromMs),
				lt(classSession.startsAt, toMs)
			)
		)
		.orderBy(asc(sessionAttendance.sessionId), asc(staff.position));
}

/** AML courses with lessons completed in the range: how many people, first and last completion. */
export async function selectAmlCourses(
	db: Db,
	fromMs: number,
	toMs: number
): Promise<AmlCourseRow[]> {
	const rows = await db
		.select({
			id: course.id,
			title: course.title,
			attendees: countDistinct(lessonCompletion.staffId),
			firstAt: min(lessonCompletion.completedAt),
			lastAt: max(lessonCompletion.completedAt)
		})
		.from(lessonCompletion)
		.innerJoin(course, eq(course.id, lessonCompletion.courseId))
		.where(
			and(
				eq(course.amlTraining, true),
				gte(lessonCompletion.completedAt, fromMs),
				lt(lessonCompletion.completedAt, toMs)
			)
		)
		.groupBy(course.id, course.title, course.position)
		.orderBy(asc(course.position), asc(course.id));
	return rows.map((r) => ({
		id: r.id,
		title: r.title,
		attendees: Number(r.attendees),
		firstAt: Number(r.firstAt),
		lastAt: Number(r.lastAt)
	}));
}

/** The audience (positions) of AML courses, by id. */
export async function selectAmlCourseAudiences(db: Db): Promise<Map<number, string[]>> {
	const rows = await db
		.select({ id: course.id, audience: course.audience })
		.from(course)
		.where(eq(course.amlTraining, true));
	return new Map(rows.map((r) => [r.id, r.audience]));
}
