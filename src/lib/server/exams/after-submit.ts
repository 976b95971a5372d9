import { applyExamRules } from '../competency/triggers';
import type { AppContext } from '../context';
import type { Tx } from '../db';
import type { Attempt, ExamDefinition } from '../db/schema';

/**
 * What follows a graded attempt, in the submit transaction so a result and its consequences
 * commit together: competency grants, "needs retest" marks and certificates.
 */
export async function onAttemptSubmitted(
	ctx: AppContext,
	tx: Tx,
	input: { attempt: Attempt; exam: ExamDefinition }
): Promise<void> {
	// Practice sessions and mocks (practice/) earn nothing: they count in no record or report.
	if (input.exam.practiceKind !== null) return;
	await applyExamRules(ctx, tx, input.attempt, input.exam);
}
