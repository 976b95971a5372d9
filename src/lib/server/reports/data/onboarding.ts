/** The reads behind the onboarding report that the onboarding domain does not offer: plan days. */
import { and, eq, gte, inArray, lte, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db';
import { branch, onboardingPlan, staff } from '../../db/schema';

export interface PlanDays {
	branchId: number;
	branchCode: string;
	branchName: string;
	status: string;
	startDate: string;
	clearedOn: string | null;
}

/**
 * Plans started in [from, to] (office days, inclusive) made in `branchIds` (null: all) for
 * `position` (null or absent: any): the branch and position the person had when the plan was
 * made (their current ones for a plan that never recorded them). Cancelled plans are left out, as the rate
 * leaves them out, so a branch whose only plan was cancelled gets no row of zeros.
 */
export async function selectPlanDays(
	db: Db,
	filter: { from: string; to: string; branchIds: number[] | null; position?: string | null }
): Promise<PlanDays[]> {
	const where: SQL[] = [
		gte(onboardingPlan.startDate, filter.from),
		lte(onboardingPlan.startDate, filter.to),
		ne(onboardingPlan.status, 'cancelled')
	];
	const planBranchId = sql<number>`coalesce(${onboardingPlan.branchId}, ${staff.branchId})`;
	const planPosition = sql<string>`coalesce(${onboardingPlan.position}, ${staff.position})`;
	if (filter.branchIds) where.push(inArray(planBranchId, filter.branchIds));
	if (filter.position) where.push(eq(planPosition, filter.position));
	return await db
		.select({
			branchId: branch.id,
			branchCode: branch.code,
			branchName: branch.name,
			status: onboardingPlan.status,
			startDate: onboardingPlan.startDate,
			clearedOn: onboardingPlan.clearedOn
		})
		.from(onboardingPlan)
		.innerJoin(staff, eq(staff.id, onboardingPlan.staffId))
		.innerJoin(branch, eq(branch.id, planBranchId))
		.where(and(...where))
		.orderBy(branch.code, onboardingPlan.id);
}
