/** Reads the demo's competency seed needs from the course table. */
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { course } from '../../db/schema';

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
