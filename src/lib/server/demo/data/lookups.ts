/** Reads the demo's competency seed needs from the course table. */
import { and, asc, eq } from 'drizzle-orm';
import { first, type Db } from '../../db';
import { course } from '../../db/schema';

export async function selectCourseIdOfKind(
	db: Db,
	kind: 'remote' | 'centralized'
): Promise<number | undefined> {
	return (
		await first(db
			.select({ id: course.id })
			.from(course)
			.where(and(eq(course.kind, kind), eq(course.retired, false)))
			.orderBy(asc(course.id)))
	)?.id;
}
