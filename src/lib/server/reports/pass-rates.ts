/**
 * Spot-exam pass rates grouped by branch × month (or branch, month, position, campaign), with the
 * pass-rate trend by month for the selected branch against the whole office. The counting rule
 * is the spot domain's `tally`; this file only groups.
 */
import type { Cell, ReportColumn, ReportFilters, TrendPoint } from '../../reports/types';
import { selectBranchNames } from '../spot/queries';
import { tally, type Tally } from '../spot/tracking';
import { monthsOf } from './filters';
import { selectPassRateFacts, type PassRateFact, type PassRateRange } from './pass-rate-queries';
import type { AppContext } from '../context';
import { col, coveredBranchIds, rate, type ReportBody, type ReportBuilder } from './report';
import type { ResolvedScope } from './scope';

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
	branch_month: [col('branchCode', 'code'), col('branchName', 'text'), col('month', 'text')],
	branch: [col('branchCode', 'code'), col('branchName', 'text')],
	month: [col('month', 'text')],
	position: [col('position', 'text')],
	campaign: [col('month', 'text'), col('campaign', 'text')]
};

type Names = Map<number, { code: string; name: string }>;

function groupKey(f: PassRateFact, by: ReportFilters['groupBy'], names: Names): string {
	const code = names.get(f.branchId)?.code ?? '';
	switch (by) {
		case 'branch_month':
			return `${code}\u0000${f.month}`;
		case 'branch':
			return code;
		case 'month':
			return f.month;
		case 'position':
			return f.position;
		case 'campaign':
			return `${f.month}\u0000${String(f.campaignId).padStart(12, '0')}`;
	}
}

function groupCells(f: PassRateFact, names: Names): Record<string, Cell> {
	const b = names.get(f.branchId);
	return {
		branchCode: b?.code ?? '',
		branchName: b?.name ?? '',
		month: f.month,
		position: f.position,
		campaign: f.campaignTitle
	};
}

function metricCells(t: Tally): Record<string, Cell> {
	return {
		drawn: t.drawn,
		sat: t.sat,
		passed: t.passed,
		failed: t.failed,
		absent: t.absent,
		exempt: t.exempt,
		pending: t.pending,
		firstTryPassed: t.firstTryPassed,
		passRate: rate(t.passRate.num, t.passRate.den),
		firstTryRate: rate(t.firstTryRate.num, t.firstTryRate.den),
		participation: rate(t.participation.num, t.participation.den)
	};
}

/** Pass rate per month of the range: the selected branch (if any) against the whole office. */
export function passRateTrend(
	facts: readonly PassRateFact[],
	months: readonly string[],
	branchId: number | null
): TrendPoint[] {
	// One pass into months, not a filter per month: this runs on the request thread.
	const byMonth = new Map<string, PassRateFact[]>(months.map((m) => [m, []]));
	for (const f of facts) byMonth.get(f.month)?.push(f);
	return months.map((month) => {
		const inMonth = byMonth.get(month)!;
		const office = tally(inMonth).passRate;
		const branch = branchId === null ? null : tally(inMonth.filter((f) => f.branchId === branchId));
		return {
			month,
			office: rate(office.num, office.den),
			branch: branch && rate(branch.passRate.num, branch.passRate.den)
		};
	});
}

/** The office-wide facts a pass-rate report narrows (the trend's office line needs them all). */
export function passRateRange(filters: ReportFilters): PassRateRange {
	return { fromMonth: filters.from, toMonth: filters.to, branchIds: null };
}

export const passRatesReport: ReportBuilder = (ctx, scope) =>
	buildPassRates(ctx, scope, selectPassRateFacts(ctx.db, passRateRange(scope.filters)));

/** The report from facts already read, on this thread or by the report worker. */
export function buildPassRates(
	ctx: AppContext,
	scope: ResolvedScope,
	all: PassRateFact[]
): ReportBody {
	const { filters } = scope;
	const covered = coveredBranchIds(scope);
	const facts = all.filter(
		(f) =>
			(covered === null || covered.includes(f.branchId)) &&
			(filters.position === null || f.position === filters.position)
	);
	const names = selectBranchNames(ctx.db);
	const groups = new Map<string, PassRateFact[]>();
	for (const f of facts) {
		const key = groupKey(f, filters.groupBy, names);
		const group = groups.get(key);
		if (group) group.push(f);
		else groups.set(key, [f]);
	}
	const keys = GROUP_COLUMNS[filters.groupBy].map((c) => c.key);
	const rows = [...groups.entries()]
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
		.map(([, group]) => {
			const cells = groupCells(group[0]!, names);
			const row: Record<string, Cell> = {};
			for (const k of keys) row[k] = cells[k] ?? null;
			return Object.assign(row, metricCells(tally(group)));
		});
	const byPosition = (f: PassRateFact) =>
		filters.position === null || f.position === filters.position;
	return {
		columns: [...GROUP_COLUMNS[filters.groupBy], ...METRICS],
		rows,
		trend: passRateTrend(
			all.filter(byPosition),
			monthsOf(filters.from, filters.to),
			scope.branch?.id ?? null
		)
	};
}
