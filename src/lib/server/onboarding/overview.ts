import { branchScope, canManageOnboarding, requirePermission } from '../auth/permissions';
import type { AppContext } from '../context';
import { addDays } from '../../time/days';
import { officeDay } from '../../time/office';
import type { Actor } from './access';
import { buildPlanProgress, type PlanProgress } from './progress';
import { getOnboardingRate, type OnboardingRate } from './rate';
import { readDay } from './rules';
import { selectNewHiresWithoutPlan, selectPlans } from './data';
import { listMentorChoices } from './mentor-choices';

export interface PlanRow extends PlanProgress {
	employeeNo: string;
	name: string;
	branchName: string;
	position: string;
}

export interface Choice {
	employeeNo: string;
	name: string;
	branchId: number;
	branchName: string;
}

export interface OnboardingOverview {
	today: string;
	open: PlanRow[];
	cleared: PlanRow[];
	/** Called-off plans, latest first: kept in view so a mistaken cancellation is noticed. */
	cancelled: PlanRow[];
	rate: OnboardingRate;
	newHires: Choice[];
	mentors: Choice[];
}

/** How many cleared (and, separately, cancelled) plans the page lists, latest first. */
const CLEARED_SHOWN = 50;

export function toChoice(p: Choice & { id: number }): Choice {
	return {
		employeeNo: p.employeeNo,
		name: p.name,
		branchId: p.branchId,
		branchName: p.branchName
	};
}

/** The manager's onboarding page: plans in scope, the rate over a period, what a new plan needs. */
export async function getOnboardingOverview(
	ctx: AppContext,
	actor: Actor,
	period: { from?: string | null; to?: string | null } = {}
): Promise<OnboardingOverview> {
	const user = requirePermission(actor, canManageOnboarding, 'manages onboarding');
	const scope = branchScope(user);
	const today = officeDay(ctx.clock.now());
	const to = readDay(period.to) ?? today;
	// Default period: the twelve months up to today, so last year's cleared hires still count.
	const from = readDay(period.from) ?? addDays(to, -364);
	const rows: PlanRow[] = [];
	for (const r of await selectPlans(ctx.db, { branchIds: scope })) {
		rows.push({
			...(await buildPlanProgress(ctx.db, r.plan, r.branchId, today)),
			employeeNo: r.employeeNo,
			name: r.name,
			branchName: r.branchName,
			position: r.position
		});
	}
	return {
		today,
		open: rows.filter((r) => r.status === 'open'),
		cleared: rows
			.filter((r) => r.status === 'cleared')
			.sort((a, b) => (b.clearedOn ?? '').localeCompare(a.clearedOn ?? ''))
			.slice(0, CLEARED_SHOWN),
		cancelled: rows
			.filter((r) => r.status === 'cancelled')
			.sort((a, b) => (b.cancellation?.at ?? 0) - (a.cancellation?.at ?? 0))
			.slice(0, CLEARED_SHOWN),
		rate: await getOnboardingRate(ctx, user, { from: from <= to ? from : to, to }),
		newHires: (await selectNewHiresWithoutPlan(ctx.db, scope)).map(toChoice),
		mentors: (await listMentorChoices(ctx.db)).map(toChoice)
	};
}
