/**
 * Onboarding by branch (or the selected branch): new hires (plans started in the range), cleared
 * on time, cleared late, in progress, overdue, the onboarding rate and the average days from start
 * to clearance. The counting rule is the onboarding domain's `getOnboardingRate`. Plans are counted
 * by the branch and position the person had when the plan was made: a hire since moved stays
 * counted where they started.
 */
import { daysBetween } from '../../time/days';
import { getOnboardingRate } from '../onboarding/service';
import { dayRange } from './filters';
import { selectPlanDays, type PlanDays } from './data';
import { col, coveredBranchIds, type ReportBuilder } from './report';
import { rate } from '../../reports/rate';
import type { Cell } from '../../reports/types';
import { readHandle } from '../context';

const COLUMNS = [
	col('branchCode', 'code'),
	col('branchName', 'text'),
	col('newHires', 'int'),
	col('clearedOnTime', 'int'),
	col('clearedLate', 'int'),
	col('inProgress', 'int'),
	col('overdue', 'int'),
	col('onboardingRate', 'rate'),
	col('avgDaysToClear', 'hours')
];

/** Mean days from start to clearance of the cleared plans, to one decimal; null when none. */
export function averageDaysToClear(plans: readonly PlanDays[]): number | null {
	const days = plans
		.filter((p) => p.status === 'cleared' && p.clearedOn !== null)
		.map((p) => daysBetween(p.startDate, p.clearedOn!));
	if (days.length === 0) return null;
	return Math.round((days.reduce((a, b) => a + b, 0) / days.length) * 10) / 10;
}

export const onboardingReport: ReportBuilder = async (ctx, scope) => {
	const { fromDay, toDay } = dayRange(scope.filters.from, scope.filters.to);
	const covered = coveredBranchIds(scope);
	const position = scope.filters.position;
	const plans = await selectPlanDays(readHandle(ctx), {
		from: fromDay,
		to: toDay,
		branchIds: covered,
		position
	});
	const row = async (
		branchId: number | null,
		code: string,
		name: string,
		own: PlanDays[]
	): Promise<Record<string, Cell>> => {
		const { counts } = await getOnboardingRate(ctx, scope.viewer, {
			from: fromDay,
			to: toDay,
			branchId,
			position
		});
		return {
			branchCode: code,
			branchName: name,
			newHires: counts.total,
			clearedOnTime: counts.clearedOnTime,
			clearedLate: counts.clearedLate,
			inProgress: counts.inProgress,
			overdue: counts.overdue,
			onboardingRate: rate(counts.clearedOnTime, counts.total),
			avgDaysToClear: averageDaysToClear(own)
		};
	};
	if (scope.branch) {
		return {
			columns: COLUMNS,
			rows: [await row(scope.branch.id, scope.branch.code, scope.branch.name, plans)],
			trend: null
		};
	}
	// Office-wide: one row per branch with new hires (of the position) in the range; plans arrive
	// ordered by branch code.
	const byBranch = new Map<number, PlanDays[]>();
	for (const p of plans) {
		const own = byBranch.get(p.branchId);
		if (own) own.push(p);
		else byBranch.set(p.branchId, [p]);
	}
	const rows = [];
	for (const [id, own] of byBranch) {
		rows.push(await row(id, own[0]!.branchCode, own[0]!.branchName, own));
	}
	return { columns: COLUMNS, rows, trend: null };
};
