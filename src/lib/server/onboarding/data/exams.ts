import { and, asc, eq, gte } from 'drizzle-orm';
import { first, type Db } from '../../db';
import { attempt, examDefinition } from '../../db/schema';

// exam_definition and attempt, read for the onboarding exam the clearance rule counts.

/** The onboarding exam new hires are sent to now: the first active one, or null when none. */
export async function selectActiveOnboardingExamId(db: Db): Promise<number | null> {
	return (
		(
			await first(db
				.select({ id: examDefinition.id })
				.from(examDefinition)
				.where(and(eq(examDefinition.purpose, 'onboarding'), eq(examDefinition.active, true)))
				.orderBy(asc(examDefinition.id)))
		)?.id ?? null
	);
}

/**
 * The person's submitted attempts at any onboarding exam started at or after `since` (epoch ms):
 * whether there were any, and whether one of them passed.
 */
export async function selectOnboardingExamResult(
	db: Db,
	staffId: number,
	since: number
): Promise<{ attempted: boolean; passed: boolean }> {
	const rows = await db
		.select({ passed: attempt.passed })
		.from(attempt)
		.innerJoin(examDefinition, eq(examDefinition.id, attempt.examId))
		.where(
			and(
				eq(attempt.staffId, staffId),
				eq(attempt.status, 'submitted'),
				eq(examDefinition.purpose, 'onboarding'),
				gte(attempt.startedAt, since)
			)
		);
	return { attempted: rows.length > 0, passed: rows.some((r) => r.passed === true) };
}
