import { and, asc, eq, gte, inArray, lte, notInArray, type SQL } from 'drizzle-orm';
import type { Db } from '../db';
import { branch, onboardingPlan, staff, staffRole, type OnboardingPlan } from '../db/schema';

const planWithPerson = {
	plan: onboardingPlan,
	employeeNo: staff.employeeNo,
	name: staff.name,
	position: staff.position,
	branchId: staff.branchId,
	branchName: branch.name
};
export type PlanWithPerson = {
	plan: OnboardingPlan;
	employeeNo: string;
	name: string;
	position: string;
	branchId: number;
	branchName: string;
};

/**
 * Plans of people in the given branches (null: all), optionally started within [from, to] and of
 * people whose current position is `position` (null or absent: any).
 */
export async function selectPlans(
	db: Db,
	filter: {
		branchIds: number[] | null;
		from?: string;
		to?: string;
		planIds?: number[];
		position?: string | null;
	}
): Promise<PlanWithPerson[]> {
	const where: SQL[] = [];
	if (filter.branchIds) where.push(inArray(staff.branchId, filter.branchIds));
	if (filter.position) where.push(eq(staff.position, filter.position));
	if (filter.from) where.push(gte(onboardingPlan.startDate, filter.from));
	if (filter.to) where.push(lte(onboardingPlan.startDate, filter.to));
	if (filter.planIds) where.push(inArray(onboardingPlan.id, filter.planIds));
	return await db
		.select(planWithPerson)
		.from(onboardingPlan)
		.innerJoin(staff, eq(staff.id, onboardingPlan.staffId))
		.innerJoin(branch, eq(branch.id, staff.branchId))
		.where(and(...where))
		.orderBy(asc(onboardingPlan.dueDate), asc(staff.employeeNo))
		.all();
}

const choiceColumns = {
	id: staff.id,
	employeeNo: staff.employeeNo,
	name: staff.name,
	branchId: staff.branchId,
	branchName: branch.name
};

/** New hires (status onboarding) without an open plan, in the given branches (null: all). */
export async function selectNewHiresWithoutPlan(db: Db, branchIds: number[] | null) {
	const withOpenPlan = db
		.select({ id: onboardingPlan.staffId })
		.from(onboardingPlan)
		.where(eq(onboardingPlan.status, 'open'));
	return await db
		.select(choiceColumns)
		.from(staff)
		.innerJoin(branch, eq(branch.id, staff.branchId))
		.where(
			and(
				eq(staff.status, 'onboarding'),
				notInArray(staff.id, withOpenPlan),
				branchIds ? inArray(staff.branchId, branchIds) : undefined
			)
		)
		.orderBy(asc(branch.code), asc(staff.employeeNo))
		.all();
}

/** Active people holding the mentor role, in every branch (another branch's mentor is allowed). */
export async function selectMentorChoices(db: Db) {
	return await db
		.select(choiceColumns)
		.from(staff)
		.innerJoin(branch, eq(branch.id, staff.branchId))
		.innerJoin(staffRole, and(eq(staffRole.staffId, staff.id), eq(staffRole.role, 'mentor')))
		.where(eq(staff.status, 'active'))
		.orderBy(asc(branch.code), asc(staff.employeeNo))
		.all();
}
