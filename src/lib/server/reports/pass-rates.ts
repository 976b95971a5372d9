/**
 * Spot-exam pass rates grouped by branch × month (or branch, month, position, campaign), with the
 * pass-rate trend by month for the selected branch against the whole office. The database
 * counts (data/pass-rate-counts.ts); the spot domain's `tallyOf` turns counts into the report's figures.
 */
import type { Cell, ReportColumn, ReportFilters, TrendPoint } from '../../reports/types';
import { tallyOf } from '../spot/service';
import { monthsOf } from './filters';
import { selectPassRateCounts, type PassRateCountQuery, type PassRateCounts } from './data';
import { col, coveredBranchIds, type ReportBody, type ReportBuilder } from './report';
import { rate } from '../../reports/rate';
import type { ResolvedScope } from './scope';
import { readHandle } from '../context';

const METRICS: ReportColumn[] = [
	col('drawn', 'int'),
	col('sat', 'int'),
	col('passed', 'int'),
	col('failed', 'int'),
	col('absent', 'int'),
	col('exempt', 'int'),
	col('pending', 'int'),
	col('firstTryPassed', 'int'),
	col('passRate', 'rate'),
	col('firstTryRate', 'rate'),
	col('participation', 'rate')
];

const GROUP_COLUMNS: Record<ReportFilters['groupBy'], ReportColumn[]> = {
	branch_month: [col('branchCode', 'code'), col('branchName', 'text'), col('month', 'month')],
	branch: [col('branchCode', 'code'), col('branchName', 'text')],
	month: [col('month', 'month')],
	position: [col('position', 'text')],
	campaign: [col('month', 'month'), col('campaign', 'text')]
};

/** What to count for `scope`: its rows' branches and position, the trend's branch. */
export function passRateCountQuery(scope: ResolvedScope): PassRateCountQuery {
	const { filters } = scope;
	return {
		fromMonth: filters.from,
		toMonth: filters.to,
		position: filters.position,
		groupBy: filters.groupBy,
		rowBranchIds: coveredBranchIds(scope),
		trendBranchId: scope.branch?.id ?? null
	};
}

export const passRatesReport: ReportBuilder = async (ctx, scope) =>
	buildPassRates(scope, await selectPassRateCounts(readHandle(ctx), passRateCountQuery(scope)));

/** The report from counts already read, on this thread or by the report worker. */
export function buildPassRates(scope: ResolvedScope, counts: PassRateCounts): ReportBody {
	const { filters } = scope;
	const labels = GROUP_COLUMNS[filters.groupBy];
	const rows = counts.groups.map((g) => {
		const t = tallyOf(g);
		const row: Record<string, Cell> = {};
		for (const c of labels) row[c.key] = g[c.key as keyof typeof g] ?? null;
		return Object.assign(row, {
			drawn: t.drawn,
			sat: t.sat,
			passed: t.passed,
			failed: t.failed,
			absent: t.absent,
			exempt: t.exempt,
			pending: t.pending,
			firstTryPassed: t.firstTryPassed,
			passRate: t.passRate,
			firstTryRate: t.firstTryRate,
			participation: t.participation
		});
	});
	const byMonth = new Map(counts.months.map((m) => [m.month, m]));
	const hasBranch = scope.branch !== null;
	const trend: TrendPoint[] = monthsOf(filters.from, filters.to).map((month) => {
		const m = byMonth.get(month);
		return {
			month,
			office: rate(m?.office.passed ?? 0, m?.office.sat ?? 0),
			branch: hasBranch ? rate(m?.branch.passed ?? 0, m?.branch.sat ?? 0) : null
		};
	});
	return { columns: [...labels, ...METRICS], rows, trend };
}
