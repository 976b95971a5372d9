// Maintains attempt_month_summary (see its schema comment for why it exists); the SQL is in the
// data door (data/attempt-summary.ts).
import { inTransaction, type Db } from '../db';
import * as data from './data';

/** Counts one just-submitted attempt; call inside the submit transaction, once per attempt. */
export async function countSubmittedAttempt(
	tx: Db,
	a: {
		examId: number;
		staffId: number;
		startedAt: number;
		passed: boolean | null;
		branchId?: number | null;
	}
): Promise<void> {
	await data.addAttemptToSummary(tx, a);
}

/**
 * Recomputes the whole table from `attempt` (after a bulk load, or to repair it); one scan, so
 * seconds on millions of rows: never from a request.
 */
export async function rebuildAttemptSummary(db: Db): Promise<void> {
	await inTransaction(db, (tx) => data.replaceAttemptSummary(tx));
}
