// Maintains attempt_month_summary (see its schema comment for why it exists). Raw SQL because
// the upsert adds to the existing counts, and the month is computed by the database (one
// definition, db/dialect.ts) so the submit path and the rebuild can never disagree about which
// month an attempt belongs to.
import { sql } from 'drizzle-orm';
import { databaseOf, exec, inTransaction, type Db } from '../db';
import { officeMonthOf, officeMonthSql } from '../db/dialect';

/** Counts one just-submitted attempt; call inside the submit transaction, once per attempt. */
export async function countSubmittedAttempt(
	tx: Db,
	a: { examId: number; staffId: number; startedAt: number; passed: boolean | null }
): Promise<void> {
	// Through drizzle: inside a transaction `tx` is drizzle's transaction, which has no $client.
	await tx.run(
		sql`insert into attempt_month_summary (exam_id, month, branch_id, sat, passed)
			select ${a.examId}, ${officeMonthOf(tx, a.startedAt)}, branch_id, 1, ${a.passed ? 1 : 0}
				from staff where id = ${a.staffId}
			on conflict (exam_id, month, branch_id)
			do update set sat = sat + 1, passed = passed + excluded.passed`
	);
}

/**
 * Recomputes the whole table from `attempt` (after a bulk load, or to repair it); one scan, so
 * seconds on millions of rows: never from a request.
 */
export async function rebuildAttemptSummary(db: Db): Promise<void> {
	return await inTransaction(db, async (tx) => {
		await exec(tx, `delete from attempt_month_summary`);
		await exec(
			tx,
			`insert into attempt_month_summary (exam_id, month, branch_id, sat, passed)
			 select a.exam_id, ${officeMonthSql('a.started_at', databaseOf(tx).dialect)}, s.branch_id, count(*), sum(coalesce(a.passed, 0))
			 from attempt a join staff s on s.id = a.staff_id
			 where a.status = 'submitted'
			 group by 1, 2, 3`
		);
	});
}
