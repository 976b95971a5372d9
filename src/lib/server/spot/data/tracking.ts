/** Drawn lists, their append-only events, and the attempts made inside a campaign's window. */
import { and, asc, eq, gte, inArray, lt } from 'drizzle-orm';
import type { Db } from '../../db';
import {
	attempt,
	branch,
	spotAssignment,
	spotEvent,
	staff,
	type SpotAssignment
} from '../../db/schema';

export type SpotEventRow = typeof spotEvent.$inferSelect;

export type AssignmentRow = SpotAssignment & {
	name: string;
	employeeNo: string;
	branchName: string;
	branchCode: string;
};

export async function selectAssignments(db: Db, drawId: number): Promise<AssignmentRow[]> {
	return await db
		.select({
			id: spotAssignment.id,
			drawId: spotAssignment.drawId,
			staffId: spotAssignment.staffId,
			branchId: spotAssignment.branchId,
			role: spotAssignment.role,
			rank: spotAssignment.rank,
			position: spotAssignment.position,
			name: staff.name,
			employeeNo: staff.employeeNo,
			branchName: branch.name,
			branchCode: branch.code
		})
		.from(spotAssignment)
		.innerJoin(staff, eq(staff.id, spotAssignment.staffId))
		.innerJoin(branch, eq(branch.id, spotAssignment.branchId))
		.where(eq(spotAssignment.drawId, drawId))
		.orderBy(asc(branch.code), asc(spotAssignment.role), asc(spotAssignment.rank));
}

export async function selectEvents(db: Db, drawId: number): Promise<SpotEventRow[]> {
	return (
		await db
			.select({ e: spotEvent })
			.from(spotEvent)
			.innerJoin(spotAssignment, eq(spotAssignment.id, spotEvent.assignmentId))
			.where(eq(spotAssignment.drawId, drawId))
			.orderBy(asc(spotEvent.id))
	).map((r) => r.e);
}

export async function insertEvent(db: Db, row: typeof spotEvent.$inferInsert): Promise<void> {
	await db.insert(spotEvent).values(row);
}

export interface WindowAttempt {
	id: number;
	staffId: number;
	status: 'open' | 'submitted';
	passed: boolean | null;
	percent: number | null;
	startedAt: number;
}

/** Attempts at the exam started inside the window, oldest first. */
export async function selectWindowAttempts(
	db: Db,
	examId: number,
	opensAt: number,
	closesAt: number,
	staffIds?: number[]
): Promise<WindowAttempt[]> {
	return await db
		.select({
			id: attempt.id,
			staffId: attempt.staffId,
			status: attempt.status,
			passed: attempt.passed,
			percent: attempt.percent,
			startedAt: attempt.startedAt
		})
		.from(attempt)
		.where(
			and(
				eq(attempt.examId, examId),
				gte(attempt.startedAt, opensAt),
				lt(attempt.startedAt, closesAt),
				staffIds ? inArray(attempt.staffId, staffIds) : undefined
			)
		)
		.orderBy(asc(attempt.startedAt), asc(attempt.id));
}
