/**
 * The reads behind the certification trend: submitted certification attempts and how many of
 * them passed, per office month (of started_at) and branch. Two sources with one shape; the
 * caller (certification-trend.ts) chooses.
 */
import { and, between, eq, gte, lt, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { attempt, attemptMonthSummary, examDefinition, staff } from '../db/schema';
import { officeMonthOf } from '../db/dialect';

export interface MonthBranchCount {
	/** YYYY-MM, office time. */
	month: string;
	branchId: number;
	/** Submitted attempts. */
	sat: number;
	/** Of which passed. */
	passed: number;
}

export interface TrendRange {
	/** First month, YYYY-MM. */
	fromMonth: string;
	/** Last month, YYYY-MM, included. */
	toMonth: string;
}

const toCount = (r: MonthBranchCount): MonthBranchCount => ({
	...r,
	sat: Number(r.sat),
	passed: Number(r.passed)
});

/** From attempt_month_summary: a few thousand rows however many attempts there are. */
export async function selectCertificationMonthCounts(
	db: Db,
	range: TrendRange
): Promise<MonthBranchCount[]> {
	return (
		await db
			.select({
				month: attemptMonthSummary.month,
				branchId: attemptMonthSummary.branchId,
				sat: sql<number>`sum(${attemptMonthSummary.sat})`,
				passed: sql<number>`sum(${attemptMonthSummary.passed})`
			})
			.from(attemptMonthSummary)
			.innerJoin(examDefinition, eq(examDefinition.id, attemptMonthSummary.examId))
			.where(
				and(
					eq(examDefinition.purpose, 'certification'),
					between(attemptMonthSummary.month, range.fromMonth, range.toMonth)
				)
			)
			.groupBy(attemptMonthSummary.month, attemptMonthSummary.branchId)
			.all()
	).map(toCount);
}

/**
 * The same counts from `attempt`, for people now holding `position` (the summary has no
 * position). `fromMs`/`toMs` bound started_at to the months of the range, office time; the
 * branch is the person's current one, as in rebuildAttemptSummary.
 */
export async function selectCertificationMonthCountsForPosition(
	db: Db,
	range: { fromMs: number; toMs: number; position: string }
): Promise<MonthBranchCount[]> {
	const month = officeMonthOf(db, attempt.startedAt);
	return (
		await db
			.select({
				month,
				branchId: staff.branchId,
				sat: sql<number>`count(*)`,
				passed: sql<number>`sum(coalesce(${attempt.passed}, 0))`
			})
			.from(attempt)
			.innerJoin(examDefinition, eq(examDefinition.id, attempt.examId))
			.innerJoin(staff, eq(staff.id, attempt.staffId))
			.where(
				and(
					eq(examDefinition.purpose, 'certification'),
					eq(attempt.status, 'submitted'),
					gte(attempt.startedAt, range.fromMs),
					lt(attempt.startedAt, range.toMs),
					eq(staff.position, range.position)
				)
			)
			.groupBy(month, staff.branchId)
			.all()
	).map(toCount);
}
