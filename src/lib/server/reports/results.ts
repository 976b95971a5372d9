/**
 * Exam results detail (考试成绩明细): every submitted attempt in a month range, one row each. Too
 * many rows to hold (the office has millions of attempts), so it is never a ReportResult: the
 * page shows a count and the export streams rows from the report worker straight into the CSV.
 */
import type { ReportColumn, ReportFilters } from '../../reports/types';
import { readHandle, type AppContext } from '../context';
import { addDays } from '../../time/days';
import { officeDayStart } from '../../time/office';
import { EXAM_PURPOSES, type ExamPurpose } from '../../exams/enums';
import { reportFileName } from './csv';
import { dayRange, filtersToParams, parseReportFilters } from './filters';
import { col, coveredBranchIds } from './report';
import {
	countResultsOffThread,
	RESULT_KEYS,
	streamResultsOffThread,
	type ResultsRange
} from './data';
import { resolveScope, type ReportActor, type ResolvedScope } from './scope';
import { rowObjects } from './worker';

export interface ResultsFilters extends ReportFilters {
	/** Only exams of this purpose; null for all. */
	purpose: ExamPurpose | null;
}

/** The exam purposes the export filters by, for the page's choice. */
export const RESULT_PURPOSES: readonly ExamPurpose[] = EXAM_PURPOSES;

export const RESULT_COLUMNS: readonly ReportColumn[] = [
	col('employeeNo', 'code'),
	col('name', 'text'),
	col('branchCode', 'code'),
	col('branchName', 'text'),
	col('position', 'text'),
	col('exam', 'text'),
	col('purpose', 'enum'),
	col('attemptNo', 'int'),
	// Office minutes ('2026-11-03 09:30'): text in the CSV, real dates in the workbook.
	col('startedAt', 'date'),
	col('submittedAt', 'date'),
	col('score', 'int'),
	col('maxScore', 'int'),
	col('percent', 'int'),
	// Not reports.col.passed: that header counts people ("通过人数"); this is one attempt's yes/no.
	{ key: 'passed', label: 'reports.col.attemptPassed', kind: 'flag' }
];

// Rows cross from the worker a thousand at a time; with two batches in flight at most, a slow
// download holds about 2,000 rows in memory, whatever the range.
const BATCH = 1_000;

/** The report filters plus `purpose`; an unknown purpose is ignored like any malformed filter. */
export function parseResultsFilters(params: URLSearchParams, today: string): ResultsFilters {
	const purpose = params.get('purpose');
	return {
		...parseReportFilters(params, today),
		purpose: RESULT_PURPOSES.find((p) => p === purpose) ?? null
	};
}

/** The query string for `filters`, as parseResultsFilters reads it. */
export function resultsToParams(filters: ResultsFilters): URLSearchParams {
	const params = filtersToParams(filters);
	if (filters.purpose) params.set('purpose', filters.purpose);
	return params;
}

interface ScopedResults {
	/** Normalised: a branch manager's branch filled in. */
	filters: ResultsFilters;
	scope: ResolvedScope;
	range: ResultsRange;
}

async function scoped(
	ctx: AppContext,
	actor: ReportActor,
	filters: ResultsFilters
): Promise<ScopedResults> {
	const scope = await resolveScope(ctx.db, actor, filters);
	const { fromDay, toDay } = dayRange(scope.filters.from, scope.filters.to);
	return {
		filters: { ...scope.filters, purpose: filters.purpose },
		scope,
		range: {
			fromMs: officeDayStart(fromDay),
			toMs: officeDayStart(addDays(toDay, 1)),
			branchIds: coveredBranchIds(scope),
			position: scope.filters.position,
			purpose: filters.purpose
		}
	};
}

/** How many attempts the export would hold, counted on the report worker (an index range). */
export async function countResults(
	ctx: AppContext,
	actor: ReportActor,
	filters: ResultsFilters
): Promise<{ filters: ResultsFilters; scope: ResolvedScope; count: number }> {
	const { filters: normalised, scope, range } = await scoped(ctx, actor, filters);
	const count = await countResultsOffThread(readHandle(ctx), ctx.config.databasePath, range);
	return { filters: normalised, scope, count };
}

export interface ResultsExport {
	filters: ResultsFilters;
	fileName: string;
	columns: readonly ReportColumn[];
	/** Lazy: nothing is read until the first row is pulled; `return` ends the worker's query. */
	rows: AsyncIterable<Record<string, string | number | null>>;
}

/**
 * The export for `actor`: scope is checked now, before any byte is sent; rows stream from the
 * report worker as the consumer (a download, a file) pulls them.
 */
export async function exportResults(
	ctx: AppContext,
	actor: ReportActor,
	filters: ResultsFilters
): Promise<ResultsExport> {
	const { filters: normalised, range } = await scoped(ctx, actor, filters);
	return {
		filters: normalised,
		fileName: reportFileName({ name: 'results', filters: normalised }),
		columns: RESULT_COLUMNS,
		rows: rowObjects(
			streamResultsOffThread(readHandle(ctx), ctx.config.databasePath, range, BATCH),
			RESULT_KEYS
		)
	};
}
