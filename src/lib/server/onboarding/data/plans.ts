import { and, asc, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { first, inserted, type Db } from '../../db';
import { branch, onboardingPlan, staff, type OnboardingPlan } from '../../db/schema';

// onboarding_plan: one plan per new hire's onboarding, open until cleared or cancelled.

export async function selectOpenPlanOfStaff(
	db: Db,
	staffId: number
): Promise<OnboardingPlan | undefined> {
	return await first(db
		.select()
		.from(onboardingPlan)
		.where(and(eq(onboardingPlan.staffId, staffId), eq(onboardingPlan.status, 'open'))));
}

export async function markPlanCleared(
	db: Db,
	planId: number,
	clearedOn: string,
	clearedAt: number
): Promise<boolean> {
	return (
		(
			await db
				.update(onboardingPlan)
				.set({ status: 'cleared', clearedOn, clearedAt })
				.where(and(eq(onboardingPlan.id, planId), eq(onboardingPlan.status, 'open')))
		).changes === 1
	);
}

/** Calls off an open plan; false when it was no longer open (cleared or cancelled meanwhile). */
export async function markPlanCancelled(
	db: Db,
	planId: number,
	by: { cancelledAt: number; cancelledBy: number; cancelReason: string }
): Promise<boolean> {
	return (
		(
			await db
				.update(onboardingPlan)
				.set({ status: 'cancelled', ...by })
				.where(and(eq(onboardingPlan.id, planId), eq(onboardingPlan.status, 'open')))
		).changes === 1
	);
}

/** Inserts a plan recording the person's branch and position now (reports group by these). */
export async function insertPlan(
	db: Db,
	row: typeof onboardingPlan.$inferInsert
): Promise<OnboardingPlan> {
	const atTime = {
		branchId: sql<number>`(select branch_id from staff where id = ${row.staffId})`,
		position: sql<string>`(select position from staff where id = ${row.staffId})`
	};
	return await inserted(db
		.insert(onboardingPlan)
		.values({ ...atTime, ...row })
		.returning());
}

export async function selectPlanById(db: Db, id: number): Promise<OnboardingPlan | undefined> {
	return await first(db.select().from(onboardingPlan).where(eq(onboardingPlan.id, id)));
}

/** The person's open plan, else their latest one: what a new hire's own page shows. */
export async function selectLatestPlanOfStaff(
	db: Db,
	staffId: number
): Promise<OnboardingPlan | undefined> {
	return await first(db
		.select()
		.from(onboardingPlan)
		.where(and(eq(onboardingPlan.staffId, staffId), sql`${onboardingPlan.status} != 'cancelled'`))
		.orderBy(sql`${onboardingPlan.status} = 'open' desc`, desc(onboardingPlan.id)));
}

export async function countPlans(db: Db): Promise<number> {
	return (
		(
			await first(db
				.select({ n: sql<number>`count(*)` })
				.from(onboardingPlan))
		)?.n ?? 0
	);
}

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
 * people whose current position is `position` (null or absent: any). With `atTime`, branch and
 * position are those the plan was made in (what reports count by), not the person's current.
 */
export async function selectPlans(
	db: Db,
	filter: {
		branchIds: number[] | null;
		from?: string;
		to?: string;
		planIds?: number[];
		position?: string | null;
		atTime?: boolean;
	}
): Promise<PlanWithPerson[]> {
	const where: SQL[] = [];
	const branchId = filter.atTime
		? sql<number>`coalesce(${onboardingPlan.branchId}, ${staff.branchId})`
		: sql<number>`${staff.branchId}`;
	const position = filter.atTime
		? sql<string>`coalesce(${onboardingPlan.position}, ${staff.position})`
		: sql<string>`${staff.position}`;
	if (filter.branchIds) where.push(inArray(branchId, filter.branchIds));
	if (filter.position) where.push(eq(position, filter.position));
	if (filter.from) where.push(gte(onboardingPlan.startDate, filter.from));
	if (filter.to) where.push(lte(onboardingPlan.startDate, filter.to));
	if (filter.planIds) where.push(inArray(onboardingPlan.id, filter.planIds));
	return await db
		.select(planWithPerson)
		.from(onboardingPlan)
		.innerJoin(staff, eq(staff.id, onboardingPlan.staffId))
		.innerJoin(branch, eq(branch.id, staff.branchId))
		.where(and(...where))
		.orderBy(asc(onboardingPlan.dueDate), asc(staff.employeeNo));
}
