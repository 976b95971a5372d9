import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db';
import { branch, staff, type Staff } from '../../db/schema';

// staff (with branch), as the hours pages read it: who owes hours and where they work.

export interface HoursPerson {
	id: number;
	employeeNo: string;
	name: string;
	position: string;
	status: Staff['status'];
	branchId: number;
	branchCode: string;
	branchName: string;
}

/** Staff who owe hours (not left), optionally within some branches. */
export async function selectStaffForHours(
	db: Db,
	branchIds: number[] | null
): Promise<(HoursPerson & { hireDate: string | null })[]> {
	const current = inArray(staff.status, ['active', 'onboarding']);
	return await db
		.select({
			id: staff.id,
			employeeNo: staff.employeeNo,
			name: staff.name,
			position: staff.position,
			status: staff.status,
			hireDate: staff.hireDate,
			branchId: staff.branchId,
			branchCode: branch.code,
			branchName: branch.name
		})
		.from(staff)
		.innerJoin(branch, eq(staff.branchId, branch.id))
		.where(branchIds ? and(current, inArray(staff.branchId, branchIds)) : current)
		.orderBy(asc(branch.code), asc(staff.employeeNo))
		.all();
}

/** One person with their branch, for the pages about their hours. */
export async function selectPersonByEmployeeNo(
	db: Db,
	employeeNo: string
): Promise<HoursPerson | undefined> {
	return await db
		.select({
			id: staff.id,
			employeeNo: staff.employeeNo,
			name: staff.name,
			position: staff.position,
			status: staff.status,
			branchId: staff.branchId,
			branchCode: branch.code,
			branchName: branch.name
		})
		.from(staff)
		.innerJoin(branch, eq(staff.branchId, branch.id))
		.where(eq(staff.employeeNo, employeeNo))
		.get();
}

/** The positions staff hold today, for choosing which one a requirement applies to. */
export async function selectPositionsInUse(db: Db): Promise<string[]> {
	return (
		await db
			.selectDistinct({ position: staff.position })
			.from(staff)
			.where(inArray(staff.status, ['active', 'onboarding']))
			.orderBy(asc(staff.position))
			.all()
	).map((r) => r.position);
}
