/**
 * The statements behind the exam results detail: one row per submitted attempt. Plain SQL text,
 * not drizzle, because they run on the report worker (../worker.ts), which takes SQL and params.
 */
import type { ExamPurpose } from '../../../exams/enums';
import { officeMinuteSql, orderedJoinSql } from '../../db/dialect';
import { databaseOf, rows, type Db } from '../../db';
import { runInWorker, streamInWorker } from '../worker';
import { inIds, type Statement } from './sql';

export interface ResultsRange {
	/** Epoch ms, inclusive. */
	fromMs: number;
	/** Epoch ms, exclusive. */
	toMs: number;
	/** Null for every branch. */
	branchIds: number[] | null;
	position: string | null;
	purpose: ExamPurpose | null;
}

/**
 * Output columns in SELECT order: [key, expression]. Times are office wall-clock minutes,
 * formatted by the database so the worker does it for millions of rows; `passed` is 1/0 (null
 * before grading) on both databases. Built per statement: the dialect is known once the
 * database is open, not when this module loads.
 */
const fields = (): readonly (readonly [string, string])[] => [
	['employeeNo', 's.employee_no'],
	['name', 's.name'],
	['branchCode', 'b.code'],
	['branchName', 'b.name'],
	['position', 'coalesce(a.position, s.position)'],
	['exam', 'e.title'],
	['purpose', 'e.purpose'],
	['attemptNo', 'a.attempt_no'],
	['startedAt', officeMinuteSql('a.started_at')],
	['submittedAt', officeMinuteSql('a.submitted_at')],
	['score', 'a.score'],
	['maxScore', 'a.max_score'],
	['percent', 'a.percent'],
	['passed', 'case when a.passed then 1 when not a.passed then 0 end']
];

/** The keys of the rows `resultRowsStatement` selects, in SELECT order (for rowObjects). */
export const RESULT_KEYS: readonly string[] = fields().map(([key]) => key);

/**
 * FROM and WHERE shared by the rows and the count; `all` joins every table, else only those a
 * filter needs (every attempt has its person, branch and exam: the foreign keys see to it).
 *
 * The status literal (not a parameter) lets SQLite use the partial attempt_submitted_idx, and
 * the ordered join (SQLite's CROSS JOIN) pins attempt as the outer loop: rows come in
 * submission order straight off the index, so the first row streams at once. Left to itself,
 * with a position or branch filter SQLite drives from staff instead and sorts every match before
 * the first row (a year of one position office-wide, 2M attempts: 0.6 s to count instead of
 * 0.1 s). Branch and position are the attempt's own (the person's when it started; the current
 * ones for a row that never recorded them), as in the certification report.
 */
function body(range: ResultsRange, all: boolean): Statement {
	const where = [`a.status = 'submitted'`, `a.submitted_at >= ?`, `a.submitted_at < ?`];
	const params: unknown[] = [range.fromMs, range.toMs];
	if (range.branchIds) {
		const branches = inIds('coalesce(a.branch_id, s.branch_id)', range.branchIds);
		where.push(branches.sql);
		params.push(...branches.params);
	}
	if (range.position !== null) {
		where.push(`coalesce(a.position, s.position) = ?`);
		params.push(range.position);
	}
	if (range.purpose !== null) {
		where.push(`e.purpose = ?`);
		params.push(range.purpose);
	}
	const join = orderedJoinSql();
	const joins = [];
	if (all || range.branchIds || range.position !== null)
		joins.push(`${join} staff s on s.id = a.staff_id`);
	if (all) joins.push(`${join} branch b on b.id = coalesce(a.branch_id, s.branch_id)`);
	if (all || range.purpose !== null) joins.push(`${join} exam_definition e on e.id = a.exam_id`);
	return { sql: `from attempt a ${joins.join(' ')} where ${where.join(' and ')}`, params };
}

/** Every matching attempt, oldest submission first; stream it, never `all()` it. */
export function resultRowsStatement(range: ResultsRange): Statement {
	const { sql, params } = body(range, true);
	const select = fields().map(([key, expr]) => `${expr} as "${key}"`).join(', ');
	return { sql: `select ${select} ${sql} order by a.submitted_at, a.id`, params };
}

/** How many attempts `resultRowsStatement` would return, as one row { n }. */
export function resultCountStatement(range: ResultsRange): Statement {
	const { sql, params } = body(range, false);
	return { sql: `select count(*) as n ${sql}`, params };
}

/**
 * How many attempts match: on SQLite counted on the report worker's connection to
 * `databasePath` (off the request thread); on PostgreSQL by the server, through `db` (the
 * reports replica when there is one), which does not hold up the request thread either.
 */
export async function countResultsOffThread(
	db: Db,
	databasePath: string,
	range: ResultsRange
): Promise<number> {
	const q = resultCountStatement(range);
	const [found] =
		databaseOf(db).dialect === 'postgres'
			? await rows<{ n: number }>(db, q.sql, q.params)
			: await runInWorker<{ n: number }>(databasePath, q.sql, q.params);
	return Number(found?.n ?? 0);
}

/**
 * The matching attempts as arrays of column values in RESULT_KEYS order, `batch` at a time:
 * on SQLite streamed from a report worker of its own (see streamInWorker), on PostgreSQL read
 * page by page through `db`, each page continuing after the last row of the one before.
 */
export function streamResultsOffThread(
	db: Db,
	databasePath: string,
	range: ResultsRange,
	batch: number
): AsyncGenerator<unknown[][]> {
	if (databaseOf(db).dialect === 'postgres') return resultPages(db, range, batch);
	const q = resultRowsStatement(range);
	return streamInWorker(databasePath, q.sql, q.params, batch);
}

/**
 * Keyset pages in submission order: (submitted_at, id) of a page's last row starts the next, so
 * every page is an index range however deep the export is (an OFFSET would rescan). Attempts
 * submitted during the export may appear at its end; none is read twice.
 */
async function* resultPages(
	db: Db,
	range: ResultsRange,
	batch: number
): AsyncGenerator<unknown[][]> {
	let after = null as { at: number; id: number } | null;
	for (;;) {
		const { sql, params } = body(range, true);
		const keyset: string = after ? ` and (a.submitted_at > ? or (a.submitted_at = ? and a.id > ?))` : '';
		const select = fields()
			.map(([key, expr]) => `${expr} as "${key}"`)
			.join(', ');
		const page: Record<string, unknown>[] = await rows<Record<string, unknown>>(
			db,
			`select ${select}, a.submitted_at as "pageAt", a.id as "pageId" ${sql}${keyset} order by a.submitted_at, a.id limit ${batch}`,
			after ? [...params, after.at, after.at, after.id] : params
		);
		if (page.length === 0) return;
		const last: Record<string, unknown> = page[page.length - 1]!;
		after = { at: Number(last.pageAt), id: Number(last.pageId) };
		yield page.map((r) => RESULT_KEYS.map((k) => r[k]));
		if (page.length < batch) return;
	}
}
