/** The reads behind the onboarding report that the onboarding domain does not offer: plan days. */
import { and, eq, gte, inArray, lte, ne, type SQL } from 'drizzle-orm';
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
 * Plans started in [from, to] (office days, inclusive) of staff in `branchIds` (null: all) whose
 * current position is `position` (null or absent: any). Cancelled plans are left out, as the rate
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
	if (filter.branchIds) where.push(inArray(staff.branchId, filter.branchIds));
	if (filter.position) where.push(eq(staff.position, filter.position));
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
		.innerJoin(branch, eq(branch.id, staff.branchId))
		.where(and(...where))
		.orderBy(branch.code, onboardingPlan.id)
		.all();
}
