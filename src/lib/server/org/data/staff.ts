// Staff as the office sees them: lists, counts, one person's row, names, status.
import { and, asc, count, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { first, type Db } from '../../db';
import { branch, staff } from '../../db/schema';
import type { StaffStatus } from '../../../org/enums';

export interface StaffFilter {
	branchIds: number[] | null;
	position?: string;
	status?: StaffStatus;
	q?: string;
}

export interface StaffRow {
	id: number;
	employeeNo: string;
	name: string;
	branchId: number;
	branchCode: string;
	branchName: string;
	position: string;
	status: StaffStatus;
	hireDate: string | null;
}

export const staffColumns = {
	id: staff.id,
	employeeNo: staff.employeeNo,
	name: staff.name,
	branchId: staff.branchId,
	branchCode: branch.code,
	branchName: branch.name,
	position: staff.position,
	status: staff.status,
	hireDate: staff.hireDate
};

/** LIKE treats % and _ as wildcards; a search for "10_" means those three characters. */
function escapeLike(text: string): string {
	return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function containing(column: typeof staff.name | typeof staff.employeeNo, text: string): SQL {
	return sql`lower(${column}) like lower(${`%${escapeLike(text)}%`}) escape '\\'`;
}

/** Head counts per branch, position and status: the one query behind every overview. */
export async function selectStaffCounts(
	db: Db,
	branchIds: number[] | null
): Promise<{ branchId: number; position: string; status: StaffStatus; n: number }[]> {
	const query = db
		.select({
			branchId: staff.branchId,
			position: staff.position,
			status: staff.status,
			n: count()
		})
		.from(staff);
	const scoped = branchIds ? query.where(inArray(staff.branchId, branchIds)) : query;
	return await scoped.groupBy(staff.branchId, staff.position, staff.status);
}

export async function selectStaffList(
	db: Db,
	filter: StaffFilter,
	limit: number
): Promise<StaffRow[]> {
	const conditions: SQL[] = [];
	if (filter.branchIds) conditions.push(inArray(staff.branchId, filter.branchIds));
	if (filter.position) conditions.push(eq(staff.position, filter.position));
	if (filter.status) conditions.push(eq(staff.status, filter.status));
	if (filter.q) {
		conditions.push(
			or(containing(staff.name, filter.q), containing(staff.employeeNo, filter.q)) as SQL
		);
	}
	return await db
		.select(staffColumns)
		.from(staff)
		.innerJoin(branch, eq(staff.branchId, branch.id))
		.where(and(...conditions))
		.orderBy(asc(branch.code), asc(staff.employeeNo))
		.limit(limit);
}

export async function selectStaffRow(db: Db, employeeNo: string): Promise<StaffRow | undefined> {
	return await first(db
		.select(staffColumns)
		.from(staff)
		.innerJoin(branch, eq(staff.branchId, branch.id))
		.where(eq(staff.employeeNo, employeeNo)));
}

export async function selectStaffRowById(db: Db, id: number): Promise<StaffRow | undefined> {
	return await first(db
		.select(staffColumns)
		.from(staff)
		.innerJoin(branch, eq(staff.branchId, branch.id))
		.where(eq(staff.id, id)));
}

export async function updateStaffStatus(
	db: Db,
	staffId: number,
	status: StaffStatus,
	now: number
): Promise<void> {
	await db.update(staff).set({ status, updatedAt: now }).where(eq(staff.id, staffId));
}

export async function selectStaffNames(
	db: Db,
	staffIds: number[]
): Promise<Map<number, { employeeNo: string; name: string }>> {
	if (staffIds.length === 0) return new Map();
	const rows = await db
		.select({ id: staff.id, employeeNo: staff.employeeNo, name: staff.name })
		.from(staff)
		.where(inArray(staff.id, staffIds));
	return new Map(rows.map((r) => [r.id, { employeeNo: r.employeeNo, name: r.name }]));
}
