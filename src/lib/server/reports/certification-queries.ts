/** The reads behind the certification report: one fact per person per certification exam. */
import { and, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db';
import { attempt, branch, examDefinition, staff } from '../db/schema';

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

/** Submitted certification attempts in [fromMs, toMs), folded to one row per person per exam. */
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
	if (range.branchIds) where.push(inArray(staff.branchId, range.branchIds));
	if (range.position !== null) where.push(eq(staff.position, range.position));
	const rows = await db
		.select({
			examId: examDefinition.id,
			examTitle: examDefinition.title,
			branchId: branch.id,
			branchCode: branch.code,
			branchName: branch.name,
			staffId: staff.id,
			attempts: sql<number>`count(*)`,
			passed: sql<number>`max(coalesce(${attempt.passed}, 0))`
		})
		.from(attempt)
		.innerJoin(examDefinition, eq(examDefinition.id, attempt.examId))
		.innerJoin(staff, eq(staff.id, attempt.staffId))
		.innerJoin(branch, eq(branch.id, staff.branchId))
		.where(and(...where))
		.groupBy(examDefinition.id, staff.id)
		.orderBy(examDefinition.title, examDefinition.id, branch.code, staff.id)
		.all();
	return rows.map((r) => ({ ...r, attempts: Number(r.attempts), passed: Number(r.passed) === 1 }));
}
