import { branchScope, canManageOnboarding, requirePermission } from '../auth/permissions';
import type { AppContext } from '../context';
import { rate, type Rate } from '../../reports/rate';
import { officeDay } from '../../time/office';
import { Forbidden, Invalid } from '../errors';
import type { Actor } from './access';
import { countOnboardingRate, isOverdue, readDay, type RateCounts } from './rules';
import { selectPlans } from './data';

export interface OverduePlan {
	planId: number;
	employeeNo: string;
	name: string;
	branchName: string;
	startDate: string;
	dueDate: string;
}

export interface OnboardingRate {
	from: string;
	to: string;
	branchId: number | null;
	/** The position the plans were narrowed to (by the person's current position); null: all. */
	position: string | null;
	/** What the rate is made of. */
	counts: RateCounts;
	/** 上岗率 = counts.clearedOnTime / counts.total. */
	rate: Rate;
	/** Every open plan in scope past its due date today, whenever it started. */
	overdue: OverduePlan[];
}

/**
 * The onboarding rate over plans started in [from, to]: new hires cleared on or before their due
 * date out of all new hires (cancelled plans aside), plus who is overdue now, optionally of one
 * position only. HR and admin see any branch; a branch manager only their own.
 */
export async function getOnboardingRate(
	ctx: AppContext,
	actor: Actor,
	input: { from: string; to: string; branchId?: number | null; position?: string | null }
): Promise<OnboardingRate> {
	const user = requirePermission(actor, canManageOnboarding, 'manages onboarding');
	const scope = branchScope(user);
	const branchId = input.branchId ?? null;
	const position = input.position ?? null;
	if (branchId !== null && scope && !scope.includes(branchId)) {
		throw new Forbidden(`branch ${branchId} out of scope`);
	}
	const from = readDay(input.from);
	const to = readDay(input.to);
	if (!from || !to || from > to) throw new Invalid([{ key: 'onboarding.error.badPeriod' }]);
	const branchIds = branchId !== null ? [branchId] : scope;
	const today = officeDay(ctx.clock.now());
	// Counted where the plan was made: a transfer does not move a past hire's result.
	const started = await selectPlans(ctx.db, { branchIds, from, to, position, atTime: true });
	const overdue = (await selectPlans(ctx.db, { branchIds, position }))
		.filter((r) => isOverdue(r.plan, today))
		.map((r) => ({
			planId: r.plan.id,
			employeeNo: r.employeeNo,
			name: r.name,
			branchName: r.branchName,
			startDate: r.plan.startDate,
			dueDate: r.plan.dueDate
		}));
	const counts = countOnboardingRate(
		started.map((r) => r.plan),
		today
	);
	return {
		from,
		to,
		branchId,
		position,
		counts,
		rate: rate(counts.clearedOnTime, counts.total),
		overdue
	};
}
