// attempt_month_summary (see its schema comment for why it exists). Raw SQL because the upsert
// adds to the existing counts, and the month is computed by the database (one definition,
// db/dialect.ts) so the submit path and the rebuild can never disagree about which month an
// attempt belongs to.
import { sql } from 'drizzle-orm';
import { databaseOf, exec, type Db, type Tx } from '../../db';
import { officeMonthOf, officeMonthSql } from '../../db/dialect';

/**
 * Adds one submitted attempt to its exam × office month × branch row. The parameters carry
 * casts: PostgreSQL cannot infer a type for a bare parameter in a select list, and the epoch-ms
 * instant overflows a 32-bit integer.
 */
export async function addAttemptToSummary(
	db: Db,
	a: {
		examId: number;
		staffId: number;
		startedAt: number;
		passed: boolean | null;
		/** The attempt's own branch; absent or null: the person's current one (as the rebuild). */
		branchId?: number | null;
	}
): Promise<void> {
	const month = officeMonthOf(db, sql`cast(${a.startedAt} as bigint)`);
	await exec(
		db,
		sql`insert into attempt_month_summary (exam_id, month, branch_id, sat, passed)
			select cast(${a.examId} as integer), ${month},
				coalesce(cast(${a.branchId ?? null} as integer), branch_id),
				1, cast(${a.passed ? 1 : 0} as integer)
				from staff where id = ${a.staffId}
			on conflict (exam_id, month, branch_id)
			do update set sat = attempt_month_summary.sat + 1,
				passed = attempt_month_summary.passed + excluded.passed`
	);
}

/**
 * Replaces the whole table with counts from `attempt`: one scan, inside the caller's transaction.
 * Each attempt counts under its own branch, as the submit path counted it.
 */
export async function replaceAttemptSummary(tx: Tx): Promise<void> {
	await exec(tx, `delete from attempt_month_summary`);
	await exec(
		tx,
		`insert into attempt_month_summary (exam_id, month, branch_id, sat, passed)
		 select a.exam_id, ${officeMonthSql('a.started_at', databaseOf(tx).dialect)},
			coalesce(a.branch_id, s.branch_id), count(*), sum(case when a.passed then 1 else 0 end)
		 from attempt a join staff s on s.id = a.staff_id
		 where a.status = 'submitted'
		 group by 1, 2, 3`
	);
}
