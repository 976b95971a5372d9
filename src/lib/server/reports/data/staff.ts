/** The reads behind the competency report that the competency domain does not offer: staff lines. */
import { asc, eq, inArray, ne, and } from 'drizzle-orm';
import type { Db } from '../../db';
import { branch, staff } from '../../db/schema';

export interface StaffLine {
	id: number;
	employeeNo: string;
	name: string;
	position: string;
	branchCode: string;
	branchName: string;
}

/** Current staff (not left) of `branchIds` (null: all), by branch code and employee no. */
export async function selectStaffLines(db: Db, branchIds: number[] | null): Promise<StaffLine[]> {
	const current = ne(staff.status, 'left');
	return await db
		.select({
			id: staff.id,
			employeeNo: staff.employeeNo,
			name: staff.name,
			position: staff.position,
			branchCode: branch.code,
			branchName: branch.name
		})
		.from(staff)
		.innerJoin(branch, eq(branch.id, staff.branchId))
		.where(branchIds ? and(current, inArray(staff.branchId, branchIds)) : current)
		.orderBy(asc(branch.code), asc(staff.employeeNo))
		.all();
}
