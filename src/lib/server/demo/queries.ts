import { count, inArray } from 'drizzle-orm';
import type { Db } from '../db';
import { branch, staff, staffRole } from '../db/schema';

export type NewBranch = typeof branch.$inferInsert;
export type NewStaff = typeof staff.$inferInsert;
export type NewStaffRole = typeof staffRole.$inferInsert;

// SQLite caps bound parameters per statement; 100 staff rows stay far below it.
const CHUNK = 100;

export function countStaff(db: Db): number {
	return db.select({ n: count() }).from(staff).get()?.n ?? 0;
}

/** Inserts one branch and returns its id (parents first, so children can point at them). */
export function insertBranch(db: Db, row: NewBranch): number {
	return db.insert(branch).values(row).returning({ id: branch.id }).get().id;
}

/** Inserts staff in chunks and returns their ids by employee number. */
export function insertStaffRows(db: Db, rows: NewStaff[]): Map<string, number> {
	const ids = new Map<string, number>();
	for (let i = 0; i < rows.length; i += CHUNK) {
		const inserted = db
			.insert(staff)
			.values(rows.slice(i, i + CHUNK))
			.returning({ id: staff.id, employeeNo: staff.employeeNo })
			.all();
		for (const r of inserted) ids.set(r.employeeNo, r.id);
	}
	return ids;
}

export function insertRoles(db: Db, rows: NewStaffRole[]): void {
	for (let i = 0; i < rows.length; i += CHUNK * 3) {
		db.insert(staffRole)
			.values(rows.slice(i, i + CHUNK * 3))
			.run();
	}
}

export function selectStaffByNumbers(
	db: Db,
	employeeNos: string[]
): { employeeNo: string; name: string; status: string; hasPassword: boolean }[] {
	if (employeeNos.length === 0) return [];
	return db
		.select({
			employeeNo: staff.employeeNo,
			name: staff.name,
			status: staff.status,
			hash: staff.passwordHash
		})
		.from(staff)
		.where(inArray(staff.employeeNo, employeeNos))
		.all()
		.map((r) => ({
			employeeNo: r.employeeNo,
			name: r.name,
			status: r.status,
			hasPassword: !!r.hash
		}));
}
