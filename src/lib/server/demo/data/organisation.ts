/** The demo office itself: its branches, staff and their roles, written in bulk on an empty database. */
import { count, inArray } from 'drizzle-orm';
import { first, inserted, type Db } from '../../db';
import { branch, staff, staffRole } from '../../db/schema';

export type NewBranch = typeof branch.$inferInsert;
export type NewStaff = typeof staff.$inferInsert;
export type NewStaffRole = typeof staffRole.$inferInsert;

// SQLite caps bound parameters per statement; 100 staff rows stay far below it.
const CHUNK = 100;

export async function countStaff(db: Db): Promise<number> {
	return (await first(db.select({ n: count() }).from(staff)))?.n ?? 0;
}

/** Inserts one branch and returns its id (parents first, so children can point at them). */
export async function insertBranch(db: Db, row: NewBranch): Promise<number> {
	return (await inserted(db.insert(branch).values(row).returning({ id: branch.id }))).id;
}

/** Inserts staff in chunks and returns their ids by employee number. */
export async function insertStaffRows(db: Db, rows: NewStaff[]): Promise<Map<string, number>> {
	const ids = new Map<string, number>();
	for (let i = 0; i < rows.length; i += CHUNK) {
		const inserted = await db
			.insert(staff)
			.values(rows.slice(i, i + CHUNK))
			.returning({ id: staff.id, employeeNo: staff.employeeNo });
		for (const r of inserted) ids.set(r.employeeNo, r.id);
	}
	return ids;
}

export async function insertRoles(db: Db, rows: NewStaffRole[]): Promise<void> {
	for (let i = 0; i < rows.length; i += CHUNK * 3) {
		await db
			.insert(staffRole)
			.values(rows.slice(i, i + CHUNK * 3));
	}
}

export async function selectStaffByNumbers(
	db: Db,
	employeeNos: string[]
): Promise<{ employeeNo: string; name: string; status: string; hasPassword: boolean }[]> {
	if (employeeNos.length === 0) return [];
	return (
		await db
			.select({
				employeeNo: staff.employeeNo,
				name: staff.name,
				status: staff.status,
				hash: staff.passwordHash
			})
			.from(staff)
			.where(inArray(staff.employeeNo, employeeNos))
	).map((r) => ({
		employeeNo: r.employeeNo,
		name: r.name,
		status: r.status,
		hasPassword: !!r.hash
	}));
}
