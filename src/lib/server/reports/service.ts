/**
 * The reports' front door: one call per report, scope checked first, plain rows back. The web
 * pages, the CSV export and the CLI all come through here: `runReport`, the results detail, the
 * CSV writer and the filters they share.
 */
import type { PassRateGrid } from '../../reports/grid';
import type { ReportFilters, ReportName, ReportResult } from '../../reports/types';
import { readHandle, type AppContext } from '../context';
import { activityReport } from './activity';
import { certificationReport } from './certification';
import { competencyReport } from './competency';
import { hoursReport } from './hours';
import { onboardingReport } from './onboarding';
import { selectPassRateCountsOffThread } from './data';
import { buildPassRates, passRateCountQuery, passRatesReport } from './pass-rates';
import { pivotPassRates } from './pass-rate-grid';
import type { ReportBuilder } from './report';
import { getReportSettings } from './settings';
import { resolveScope, type ReportActor } from './scope';

export { parseReportFilters, filtersToParams, GROUP_BYS, isMonth } from './filters';
export { reportScope, type ReportActor, type ReportScope } from './scope';
export { reportFileName, streamReportCsv } from './csv';
export { contentDisposition } from './download';
export { reportWorkbook, resultsWorkbook, XLSX_TYPE, type Download } from './workbooks';
export {
	countResults,
	exportResults,
	parseResultsFilters,
	resultsToParams,
	RESULT_COLUMNS,
	RESULT_PURPOSES,
	type ResultsExport,
	type ResultsFilters
} from './results';
export { gridWorkbook } from './grid-xlsx';
export {
	amlPeriod,
	amlTrainingTable,
	parseAmlFilters,
	type AmlFilters,
	type AmlRow,
	type AmlTable
} from './aml';
export { amlCsv, amlWorkbook } from './aml-output';
export {
	getReportSettings,
	setAmlInstitutionCode,
	setPassRateThreshold,
	type ReportSettings
} from './settings';
/** Stops the report workers (the CLI at exit, tests). */
export { closeReportWorkers } from './worker';

const BUILDERS: Record<ReportName, ReportBuilder> = {
	'pass-rates': passRatesReport,
	certification: certificationReport,
	hours: hoursReport,
	onboarding: onboardingReport,
	activity: activityReport,
	competency: competencyReport
};

/**
 * The same report for a web request: the heavy pass-rate statement runs on the report worker's
 * own connection, so examinees' answer saves are not held up while HR reads it.
 */
export async function runReportAsync(
	ctx: AppContext,
	actor: ReportActor,
	name: ReportName,
	filters: ReportFilters
): Promise<ReportResult> {
	if (name !== 'pass-rates') return await runReport(ctx, actor, name, filters);
	const scope = await resolveScope(ctx.db, actor, filters);
	const counts = await selectPassRateCountsOffThread(
		readHandle(ctx),
		ctx.config.databasePath,
		passRateCountQuery(scope)
	);
	const { columns, rows, trend } = buildPassRates(scope, counts);
	return { name, filters: scope.filters, columns, rows, trend };
}

/** Runs report `name` for `actor` (a person or the CLI's system actor) over `filters`. */
export async function runReport(
	ctx: AppContext,
	actor: ReportActor,
	name: ReportName,
	filters: ReportFilters
): Promise<ReportResult> {
	const scope = await resolveScope(ctx.db, actor, filters);
	const { columns, rows, trend } = await BUILDERS[name](ctx, scope);
	return { name, filters: scope.filters, columns, rows, trend };
}

/**
 * The pass-rate grid (branches × months with office totals) over the pass-rate report's branch ×
 * month rows, in `actor`'s scope, with the office's threshold.
 */
export async function passRateGrid(
	ctx: AppContext,
	actor: ReportActor,
	filters: ReportFilters
): Promise<{ filters: ReportFilters; grid: PassRateGrid }> {
	const result = await runReportAsync(ctx, actor, 'pass-rates', {
		...filters,
		groupBy: 'branch_month'
	});
	const { passRateThreshold } = await getReportSettings(ctx);
	const { from, to } = result.filters;
	return {
		filters: result.filters,
		grid: pivotPassRates(result.rows, from, to, passRateThreshold)
	};
}

// ---------------------------------------------------------------------------------------------
// For other domains. No person: the calling service has already checked access.
// ---------------------------------------------------------------------------------------------

/** attempt_month_summary: counted in the submit transaction, rebuilt after a bulk load. */
export { countSubmittedAttempt, rebuildAttemptSummary } from './attempt-summary';
