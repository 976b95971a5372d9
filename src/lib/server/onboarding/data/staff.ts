import { and, asc, eq, inArray, notInArray } from 'drizzle-orm';
import type { Db } from '../../db';
import { branch, onboardingPlan, staff, staffRole } from '../../db/schema';

// staff (with branch and role), as onboarding reads and changes it: new hires and mentors.

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
		.orderBy(asc(branch.code), asc(staff.employeeNo))
		.all();
}

/** Active people holding the mentor role, in every branch (another branch's mentor is allowed). */
export async function selectMentorChoices(db: Db): Promise<StaffChoice[]> {
	return await db
		.select(choiceColumns)
		.from(staff)
		.innerJoin(branch, eq(branch.id, staff.branchId))
		.innerJoin(staffRole, and(eq(staffRole.staffId, staff.id), eq(staffRole.role, 'mentor')))
		.where(eq(staff.status, 'active'))
		.orderBy(asc(branch.code), asc(staff.employeeNo))
		.all();
}

export async function activateStaff(db: Db, staffId: number, now: number): Promise<void> {
	await db
		.update(staff)
		.set({ status: 'active', updatedAt: now })
		.where(and(eq(staff.id, staffId), eq(staff.status, 'onboarding')))
		.run();
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
