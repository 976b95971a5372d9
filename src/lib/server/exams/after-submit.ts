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
	await applyExamRules(ctx, tx, input.attempt, input.exam);
}
