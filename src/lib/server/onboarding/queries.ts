import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { onboardingPlan, staff, staffRole, type OnboardingPlan } from '../db/schema';

export async function selectOpenPlanOfStaff(db: Db, staffId: number) {
	return await db
		.select()
		.from(onboardingPlan)
		.where(and(eq(onboardingPlan.staffId, staffId), eq(onboardingPlan.status, 'open')))
		.get();
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
				.run()
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
				.run()
		).changes === 1
	);
}

export async function activateStaff(db: Db, staffId: number, now: number): Promise<void> {
	await db
		.update(staff)
		.set({ status: 'active', updatedAt: now })
		.where(and(eq(staff.id, staffId), eq(staff.status, 'onboarding')))
		.run();
}

export async function insertPlan(
	db: Db,
	row: typeof onboardingPlan.$inferInsert
): Promise<OnboardingPlan> {
	return await db.insert(onboardingPlan).values(row).returning().get();
}

export async function selectPlanById(db: Db, id: number): Promise<OnboardingPlan | undefined> {
	return await db.select().from(onboardingPlan).where(eq(onboardingPlan.id, id)).get();
}

/** The person's open plan, else their latest one: what a new hire's own page shows. */
export async function selectLatestPlanOfStaff(
	db: Db,
	staffId: number
): Promise<OnboardingPlan | undefined> {
	return await db
		.select()
		.from(onboardingPlan)
		.where(and(eq(onboardingPlan.staffId, staffId), sql`${onboardingPlan.status} != 'cancelled'`))
		.orderBy(sql`${onboardingPlan.status} = 'open' desc`, desc(onboardingPlan.id))
		.get();
}

export async function selectHasRole(
	db: Db,
	staffId: number,
	role: 'mentor' | 'branch_manager'
): Promise<boolean> {
	return !!(await db
		.select({ id: staffRole.staffId })
		.from(staffRole)
		.where(and(eq(staffRole.staffId, staffId), eq(staffRole.role, role)))
		.get());
}

/** The demo backdates a person's hiring to match an onboarding plan it replays. */
export async function setStaffHire(
	db: Db,
	staffId: number,
	hireDate: string,
	status: 'onboarding',
	now: number
): Promise<void> {
	await db
		.update(staff)
		.set({ hireDate, status, updatedAt: now })
		.where(eq(staff.id, staffId))
		.run();
}

export async function countPlans(db: Db): Promise<number> {
	return (
		(
			await db
				.select({ n: sql<number>`count(*)` })
				.from(onboardingPlan)
				.get()
		)?.n ?? 0
	);
}
