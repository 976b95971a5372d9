import { and, asc, eq, inArray, notInArray } from 'drizzle-orm';
import type { Db } from '../../db';
import { branch, onboardingPlan, staff } from '../../db/schema';

// staff (with branch), as onboarding reads and changes it: new hires without a plan, clearance.

/** A person offered in a form: a new hire to open a plan for, or a mentor. */
export interface StaffChoice {
	id: number;
	employeeNo: string;
	name: string;
	branchId: number;
	branchName: string;
}

const choiceColumns = {
	id: staff.id,
	employeeNo: staff.employeeNo,
	name: staff.name,
	branchId: staff.branchId,
	branchName: branch.name
};

/** New hires (status onboarding) without an open plan, in the given branches (null: all). */
export async function selectNewHiresWithoutPlan(
	db: Db,
	branchIds: number[] | null
): Promise<StaffChoice[]> {
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
		.orderBy(asc(branch.code), asc(staff.employeeNo));
}

export async function activateStaff(db: Db, staffId: number, now: number): Promise<void> {
	await db
		.update(staff)
		.set({ status: 'active', updatedAt: now })
		.where(and(eq(staff.id, staffId), eq(staff.status, 'onboarding')));
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
		.where(eq(staff.id, staffId));
}
