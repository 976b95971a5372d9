/**
 * The reads behind the certification report: one fact per person per certification exam, and
 * the trend's counts of submitted certification attempts and how many passed, per office month
 * (of started_at) and branch, from two sources with one shape (certification-trend.ts chooses).
 */
import { and, between, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db';
import { officeMonthOf } from '../../db/dialect';
import { attempt, attemptMonthSummary, branch, examDefinition, staff } from '../../db/schema';

export interface CertificationFact {
	examId: number;
	examTitle: string;
	branchId: number;
	branchCode: string;
	branchName: string;
	staffId: number;
	/** Submitted attempts in the range. */
	attempts: number;
	/** Whether any of them passed: a person who passed once has passed. */
	passed: boolean;
}

export interface CertificationRange {
	/** Epoch ms, inclusive. */
	fromMs: number;
	/** Epoch ms, exclusive. */
	toMs: number;
	/** Null for every branch. */
	branchIds: number[] | null;
	position: string | null;
}

/** The attempt's branch and position (the person's when it started; current if never recorded). */
const attemptBranchId = sql<number>`coalesce(${attempt.branchId}, ${staff.branchId})`;
const attemptPosition = sql<string>`coalesce(${attempt.position}, ${staff.position})`;

/**
 * Submitted certification attempts in [fromMs, toMs), folded to one row per person per exam and
 * branch where they sat it: a person who moved in the range has a row in each branch.
 */
export async function selectCertificationFacts(
	db: Db,
	range: CertificationRange
): Promise<CertificationFact[]> {
	const where: SQL[] = [
		eq(examDefinition.purpose, 'certification'),
		eq(attempt.status, 'submitted'),
		gte(attempt.submittedAt, range.fromMs),
		lt(attempt.submittedAt, range.toMs)
	];
	if (range.branchIds) where.push(inArray(attemptBranchId, range.branchIds));
	if (range.position !== null) where.push(eq(attemptPosition, range.position));
	const rows = await db
		.select({
			examId: examDefinition.id,
			examTitle: examDefinition.title,
			branchId: branch.id,
			branchCode: branch.code,
			branchName: branch.name,
			staffId: staff.id,
			attempts: sql<number>`count(*)`,
			passed: sql<number>`max(case when ${attempt.passed} then 1 else 0 end)`
		})
		.from(attempt)
		.innerJoin(examDefinition, eq(examDefinition.id, attempt.examId))
		.innerJoin(staff, eq(staff.id, attempt.staffId))
		.innerJoin(branch, eq(branch.id, attemptBranchId))
		.where(and(...where))
		.groupBy(examDefinition.id, staff.id, branch.id)
		.orderBy(examDefinition.title, examDefinition.id, branch.code, staff.id);
	return rows.map((r) => ({ ...r, attempts: Number(r.attempts), passed: Number(r.passed) === 1 }));
}

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
	).map(toCount);
}

/**
 * The same counts from `attempt`, for attempts made in `position` (the summary has no
 * position). `fromMs`/`toMs` bound started_at to the months of the range, office time; the
 * branch is the attempt's own, as in rebuildAttemptSummary.
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
				branchId: attemptBranchId,
				sat: sql<number>`count(*)`,
				passed: sql<number>`sum(case when ${attempt.passed} then 1 else 0 end)`
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
					eq(attemptPosition, range.position)
				)
			)
			.groupBy(month, attemptBranchId)
	).map(toCount);
}
