/**
 * The certification report's trend: pass rate per attempt (passed attempts ÷ submitted attempts,
 * a retest counts again) by office month, the selected branch against the whole office. Per
 * attempt, unlike the report's rows (per person), because that is what attempt_month_summary
 * counts; the chart title says so.
 */
import type { TrendPoint } from '../../reports/types';
import { addDays } from '../../time/days';
import { officeDayStart } from '../../time/office';
import type { Db } from '../db';
import {
	selectCertificationMonthCounts,
	selectCertificationMonthCountsForPosition,
	type MonthBranchCount
} from './data';
import { dayRange, monthsOf } from './filters';
import { rate } from '../../reports/rate';
import type { ResolvedScope } from './scope';

/** Pass rate per month of `months`; a month nobody sat in has a null value, never 0. */
export function foldCertificationTrend(
	counts: readonly MonthBranchCount[],
	months: readonly string[],
	branchId: number | null
): TrendPoint[] {
	const sum = (rows: readonly MonthBranchCount[]) =>
		rate(
			rows.reduce((n, r) => n + r.passed, 0),
			rows.reduce((n, r) => n + r.sat, 0)
		);
	return months.map((month) => {
		const inMonth = counts.filter((c) => c.month === month);
		return {
			month,
			office: sum(inMonth),
			branch: branchId === null ? null : sum(inMonth.filter((c) => c.branchId === branchId))
		};
	});
}

/**
 * The trend for the report's filters. Office-wide counts either way: the office line is every
 * branch, even for a branch manager (as in the pass-rate report). The summary has no position, so
 * with a position filter the counts come from `attempt` itself: slower, but the chart always
 * shows the same people as the table.
 */
export async function certificationTrend(db: Db, scope: ResolvedScope): Promise<TrendPoint[]> {
	const { from, to, position } = scope.filters;
	let counts: MonthBranchCount[];
	if (position === null) {
		counts = await selectCertificationMonthCounts(db, { fromMonth: from, toMonth: to });
	} else {
		const { fromDay, toDay } = dayRange(from, to);
		counts = await selectCertificationMonthCountsForPosition(db, {
			fromMs: officeDayStart(fromDay),
			toMs: officeDayStart(addDays(toDay, 1)),
			position
		});
	}
	return foldCertificationTrend(counts, monthsOf(from, to), scope.branch?.id ?? null);
}
