// Staff, their branches and positions as other domains read them (through org/service.ts),
// so no other data door keeps its own copy of a staff or branch lookup.
import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../../db';
import { branch, staff, staffRole } from '../../db/schema';
import type { Role, StaffStatus } from '../../../org/enums';
import { staffColumns, type StaffRow } from './staff';

/** Which staff to list; every field left out means "any". */
export interface StaffQuery {
	/** null: every branch. */
	branchIds?: number[] | null;
	statuses?: StaffStatus[];
	positions?: string[];
	employeeNos?: string[];
	/** Only people holding this role. */
	role?: Role;
	/** By branch code then employee number (the default), or by employee number alone. */
	orderBy?: 'branch' | 'employeeNo';
}

/** Staff with their branch, as `query` asks, in a stable order. */
export async function selectStaffWhere(db: Db, query: StaffQuery): Promise<StaffRow[]> {
	const where: (SQL | undefined)[] = [
		query.branchIds ? inArray(staff.branchId, query.branchIds) : undefined,
		query.statuses ? inArray(staff.status, query.statuses) : undefined,
		query.positions ? inArray(staff.position, query.positions) : undefined,
		query.employeeNos ? inArray(staff.employeeNo, query.employeeNos) : undefined
	];
	const joined = db.select(staffColumns).from(staff).innerJoin(branch, eq(staff.branchId, branch.id));
	const withRole = query.role
		? joined.innerJoin(
				staffRole,
				and(eq(staffRole.staffId, staff.id), eq(staffRole.role, query.role))
			)
		: joined;
	return await withRole
		.where(and(...where))
		.orderBy(
			...(query.orderBy === 'employeeNo'
				? [asc(staff.employeeNo)]
				: [asc(branch.code), asc(staff.employeeNo)])
		);
}

/** The positions people of `statuses` (null: anyone on record) hold, alphabetically. */
export async function selectPositions(db: Db, statuses: StaffStatus[] | null): Promise<string[]> {
	const query = db.selectDistinct({ position: staff.position }).from(staff);
	const scoped = statuses ? query.where(inArray(staff.status, statuses)) : query;
	return (await scoped.orderBy(asc(staff.position))).map((r) => r.position);
}

/**
 * Active staff of `positions` in `branchIds` (empty: any), in the table's own order: the
 * population a spot-exam sample is drawn from (the sampler orders it itself).
 */
export async function selectActiveStaffOf(
	db: Db,
	positions: string[],
	branchIds: number[]
): Promise<{ staffId: number; branchId: number }[]> {
	return await db
		.select({ staffId: staff.id, branchId: staff.branchId })
		.from(staff)
		.where(
			and(
				eq(staff.status, 'active'),
				positions.length > 0 ? inArray(staff.position, positions) : undefined,
				branchIds.length > 0 ? inArray(staff.branchId, branchIds) : undefined
			)
		);
}

/** Names of everyone on record in `branchIds` (null: all), by staff id. */
export async function selectStaffNamesIn(
	db: Db,
	branchIds: number[] | null
): Promise<Map<number, string>> {
	const q = db.select({ id: staff.id, name: staff.name }).from(staff);
	const rows =
		branchIds === null ? await q : await q.where(inArray(staff.branchId, branchIds));
	return new Map(rows.map((r) => [r.id, r.name]));
}
