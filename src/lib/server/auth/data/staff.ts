// A person's sign-in record: found by number or id, password and language changed.
import { eq } from 'drizzle-orm';
import { first, type Db } from '../../db';
import { staff } from '../../db/schema';

export async function selectStaffByEmployeeNo(db: Db, employeeNo: string) {
	return await first(db.select().from(staff).where(eq(staff.employeeNo, employeeNo)));
}

export async function selectStaffById(db: Db, staffId: number) {
	return await first(db.select().from(staff).where(eq(staff.id, staffId)));
}

export async function updatePassword(
	db: Db,
	staffId: number,
	passwordHash: string,
	mustChange: boolean,
	now: number
): Promise<void> {
	await db
		.update(staff)
		.set({ passwordHash, mustChangePassword: mustChange, updatedAt: now })
		.where(eq(staff.id, staffId));
}

export async function updateLocale(db: Db, staffId: number, locale: string): Promise<void> {
	await db.update(staff).set({ locale }).where(eq(staff.id, staffId));
}
