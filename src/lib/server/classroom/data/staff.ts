import { and, asc, eq, inArray, ne, type SQL } from 'drizzle-orm';
import type { Db } from '../../db';
import { branch, staff, staffRole } from '../../db/schema';
import type { StaffStatus } from '../../../org/enums';

// staff (with branch and role), as scheduling and enrolment read it.

export interface StaffOption {
	id: number;
	employeeNo: string;
	name: string;
}

export async function selectTrainers(db: Db): Promise<StaffOption[]> {
	return await db
		.select({ id: staff.id, employeeNo: staff.employeeNo, name: staff.name })
		.from(staff)
		.innerJoin(staffRole, eq(staffRole.staffId, staff.id))
		.where(and(eq(staffRole.role, 'trainer'), ne(staff.status, 'left')))
		.orderBy(asc(staff.employeeNo))
		.all();
}

export async function selectBranchOptions(
	db: Db
): Promise<{ id: number; code: string; name: string }[]> {
	return await db
		.select({ id: branch.id, code: branch.code, name: branch.name })
		.from(branch)
		.orderBy(asc(branch.code))
		.all();
}

export async function selectCurrentPositions(db: Db): Promise<string[]> {
	return (
		await db
			.selectDistinct({ position: staff.position })
			.from(staff)
			.where(ne(staff.status, 'left'))
			.orderBy(asc(staff.position))
			.all()
	).map((r) => r.position);
}

export interface CurrentStaff {
	id: number;
	employeeNo: string;
	branchCode: string;
	hireDate: string | null;
}

/** Everyone not left, by branch code and employee number. */
export async function selectCurrentStaff(db: Db): Promise<CurrentStaff[]> {
	return await db
		.select({
			id: staff.id,
			employeeNo: staff.employeeNo,
			branchCode: branch.code,
			hireDate: staff.hireDate
		})
		.from(staff)
		.innerJoin(branch, eq(staff.branchId, branch.id))
		.where(ne(staff.status, 'left'))
		.orderBy(asc(branch.code), asc(staff.employeeNo))
		.all();
}

export async function selectStaffByNumbers(
	db: Db,
	numbers: string[]
): Promise<{ id: number; employeeNo: string; status: StaffStatus }[]> {
	if (numbers.length === 0) return [];
	return await db
		.select({ id: staff.id, employeeNo: staff.employeeNo, status: staff.status })
		.from(staff)
		.where(inArray(staff.employeeNo, numbers))
		.all();
}

/** Current staff (active or onboarding) of a branch and/or position. */
export async function selectGroupStaffIds(
	db: Db,
	group: { branchId?: number; position?: string }
): Promise<number[]> {
	const where: SQL[] = [ne(staff.status, 'left')];
	if (group.branchId !== undefined) where.push(eq(staff.branchId, group.branchId));
	if (group.position !== undefined) where.push(eq(staff.position, group.position));
	return (
		await db
			.select({ id: staff.id })
			.from(staff)
			.where(and(...where))
			.orderBy(asc(staff.employeeNo))
			.all()
	).map((r) => r.id);
}
