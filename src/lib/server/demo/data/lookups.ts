/** Reads the demo's competency seed needs from the staff and course tables. */
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { course, staff } from '../../db/schema';

/** Active staff, for the demo's older certificates. */
export async function selectActiveStaff(
	db: Db
): Promise<{ id: number; employeeNo: string; position: string }[]> {
	return await db
		.select({ id: staff.id, employeeNo: staff.employeeNo, position: staff.position })
		.from(staff)
		.where(eq(staff.status, 'active'))
		.orderBy(asc(staff.employeeNo))
		.all();
}

export async function selectCourseIdOfKind(
	db: Db,
	kind: 'remote' | 'centralized'
): Promise<number | undefined> {
	return (
		await db
			.select({ id: course.id })
			.from(course)
			.where(and(eq(course.kind, kind), eq(course.retired, false)))
			.orderBy(asc(course.id))
			.get()
	)?.id;
}
