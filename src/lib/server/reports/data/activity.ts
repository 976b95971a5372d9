/** The reads behind the activity report that the classroom domain does not offer: enrolments. */
import { and, eq, gte, lt, ne, sql, type SQL } from 'drizzle-orm';
import { first, type Db } from '../../db';
import { staffBranchOn, staffPositionOn } from '../../db/staff-at-time';
import { classSession, sessionAttendance, sessionEnrolment, staff } from '../../db/schema';

export interface EnrolmentCount {
	/** Enrolments (one per person per session) of sessions held. */
	enrolled: number;
	/** Of those, the ones whose person was present. */
	attended: number;
}

/**
 * Enrolments of sessions starting in [fromMs, toMs) and already started at `nowMs`, cancelled
 * sessions aside, optionally of the staff of one branch and/or position on the session's day.
 */
export async function countEnrolments(
	db: Db,
	range: { fromMs: number; toMs: number; nowMs: number; branchId?: number; position?: string }
): Promise<EnrolmentCount> {
	const where: SQL[] = [
		gte(classSession.startsAt, range.fromMs),
		lt(classSession.startsAt, Math.min(range.toMs, range.nowMs)),
		ne(classSession.status, 'cancelled')
	];
	// Branch and position of the session's day: a transfer later does not move past enrolments.
	if (range.branchId !== undefined) {
		where.push(eq(staffBranchOn(db, classSession.startsAt), range.branchId));
	}
	if (range.position !== undefined) {
		where.push(eq(staffPositionOn(db, classSession.startsAt), range.position));
	}
	const row = await first(db
		.select({
			enrolled: sql<number>`count(*)`,
			attended: sql<number>`count(${sessionAttendance.staffId})`
		})
		.from(sessionEnrolment)
		.innerJoin(classSession, eq(classSession.id, sessionEnrolment.sessionId))
		.innerJoin(staff, eq(staff.id, sessionEnrolment.staffId))
		.leftJoin(
			sessionAttendance,
			and(
				eq(sessionAttendance.sessionId, sessionEnrolment.sessionId),
				eq(sessionAttendance.staffId, sessionEnrolment.staffId)
			)
		)
		.where(and(...where)));
	return { enrolled: Number(row?.enrolled ?? 0), attended: Number(row?.attended ?? 0) };
}
