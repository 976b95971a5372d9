// People and their roles as an import or the CLI writes them.
import { and, eq, inArray } from 'drizzle-orm';
import { first, inserted, type Db } from '../../db';
import { staff, staffRole } from '../../db/schema';
import type { Role, StaffStatus } from '../../../org/enums';

export interface StaffValues {
	name: string;
	branchId: number;
	position: string;
	hireDate: string | null;
	status: StaffStatus;
}

export async function insertStaff(
	db: Db,
	row: StaffValues & { employeeNo: string; passwordHash: string; now: number }
): Promise<number> {
	const { now, ...values } = row;
	return (
		await inserted(db
			.insert(staff)
			.values({ ...values, mustChangePassword: true, createdAt: now, updatedAt: now })
			.returning({ id: staff.id }))
	).id;
}

export async function updateStaff(
	db: Db,
	id: number,
	values: StaffValues,
	now: number
): Promise<void> {
	await db
		.update(staff)
		.set({ ...values, updatedAt: now })
		.where(eq(staff.id, id));
}

export async function replaceRoles(db: Db, staffId: number, roles: Role[]): Promise<void> {
	await db.delete(staffRole).where(eq(staffRole.staffId, staffId));
	if (roles.length > 0) {
		await db
			.insert(staffRole)
			.values(roles.map((role) => ({ staffId, role })));
	}
}

/** Whether any of these employee numbers currently holds the admin role. */
export async function holdsAdmin(db: Db, employeeNos: string[]): Promise<boolean> {
	if (employeeNos.length === 0) return false;
	const row = await first(db
		.select({ id: staff.id })
		.from(staff)
		.innerJoin(staffRole, eq(staffRole.staffId, staff.id))
		.where(and(eq(staffRole.role, 'admin'), inArray(staff.employeeNo, employeeNos))));
	return row !== undefined;
}

export async function findStaffIdByEmployeeNo(db: Db, employeeNo: string): Promise<number | null> {
	const row = await first(db
		.select({ id: staff.id })
		.from(staff)
		.where(eq(staff.employeeNo, employeeNo)));
	return row?.id ?? null;
}
