/**
 * The statements behind the exam results detail: one row per submitted attempt. Plain SQL text,
 * not drizzle, because they run on the report worker (./worker.ts), which takes SQL and params.
 */
import { officeMinuteSql } from '../db/dialect';
import type { ExamPurpose } from '../../exams/enums';

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

export interface Statement {
	sql: string;
	params: unknown[];
}

/**
 * Output columns in SELECT order: [key, expression]. Times are office wall-clock minutes,
 * formatted by the database so the worker does it for millions of rows.
 */
const FIELDS: readonly (readonly [string, string])[] = [
	['employeeNo', 's.employee_no'],
	['name', 's.name'],
	['branchCode', 'b.code'],
	['branchName', 'b.name'],
	['position', 's.position'],
	['exam', 'e.title'],
	['purpose', 'e.purpose'],
	['attemptNo', 'a.attempt_no'],
	['startedAt', officeMinuteSql('a.started_at')],
	['submittedAt', officeMinuteSql('a.submitted_at')],
	['score', 'a.score'],
	['maxScore', 'a.max_score'],
	['percent', 'a.percent'],
	['passed', 'a.passed']
];

/** The keys of the rows `resultRowsStatement` selects, in SELECT order (for rowObjects). */
export const RESULT_KEYS: readonly string[] = FIELDS.map(([key]) => key);

/**
 * FROM and WHERE shared by the rows and the count; `all` joins every table, else only those a
 * filter needs (every attempt has its person, branch and exam: the foreign keys see to it).
 *
 * The status literal (not a parameter) lets SQLite use the partial attempt_submitted_idx, and
 * CROSS JOIN pins attempt as the outer loop: rows come in submission order straight off the
 * index, so the first row streams at once. Left to itself, with a position or branch filter
 * SQLite drives from staff instead and sorts every match before the first row (a year of one
 * position office-wide, 2M attempts: 0.6 s to count instead of 0.1 s).
 * The branch is the person's current one, as in the certification report.
 */
function body(range: ResultsRange, all: boolean): Statement {
	const where = [`a.status = 'submitted'`, `a.submitted_at >= ?`, `a.submitted_at < ?`];
	const params: unknown[] = [range.fromMs, range.toMs];
	if (range.branchIds) {
		where.push(`s.branch_id in (select value from json_each(?))`);
		params.push(JSON.stringify(range.branchIds));
	}
	if (range.position !== null) {
		where.push(`s.position = ?`);
		params.push(range.position);
	}
	if (range.purpose !== null) {
		where.push(`e.purpose = ?`);
		params.push(range.purpose);
	}
	const joins = [];
	if (all || range.branchIds || range.position !== null)
		joins.push(`cross join staff s on s.id = a.staff_id`);
	if (all) joins.push(`cross join branch b on b.id = s.branch_id`);
	if (all || range.purpose !== null) joins.push(`cross join exam_definition e on e.id = a.exam_id`);
	return { sql: `from attempt a ${joins.join(' ')} where ${where.join(' and ')}`, params };
}

/** Every matching attempt, oldest submission first; stream it, never `all()` it. */
export function resultRowsStatement(range: ResultsRange): Statement {
	const { sql, params } = body(range, true);
	const select = FIELDS.map(([key, expr]) => `${expr} as ${key}`).join(', ');
	return { sql: `select ${select} ${sql} order by a.submitted_at, a.id`, params };
}

/** How many attempts `resultRowsStatement` would return, as one row { n }. */
export function resultCountStatement(range: ResultsRange): Statement {
	const { sql, params } = body(range, false);
	return { sql: `select count(*) as n ${sql}`, params };
}
