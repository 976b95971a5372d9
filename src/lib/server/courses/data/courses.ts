import { and, asc, eq, notInArray } from 'drizzle-orm';
import { first, inserted, type Db } from '../../db';
import { course, courseVersion, type Course } from '../../db/schema';
import type { HourKind } from '../../../hours/enums';

// course and course_version: the catalogue, one row per course and one per synced version.

export type CourseVersion = typeof courseVersion.$inferSelect;

export async function selectCourses(db: Db, includeRetired = false): Promise<Course[]> {
	const query = db.select().from(course);
	return await (includeRetired ? query : query.where(eq(course.retired, false)))
		.orderBy(asc(course.position), asc(course.id));
}

export async function selectCourseBySlug(db: Db, slug: string): Promise<Course | undefined> {
	return await first(db.select().from(course).where(eq(course.slug, slug)));
}

export async function selectCourseById(db: Db, id: number): Promise<Course | undefined> {
	return await first(db.select().from(course).where(eq(course.id, id)));
}

/** The courses of one kind on offer now (not retired), in catalogue order. */
export async function selectOfferedCoursesOfKind(db: Db, kind: HourKind): Promise<Course[]> {
	return await db
		.select()
		.from(course)
		.where(and(eq(course.kind, kind), eq(course.retired, false)))
		.orderBy(asc(course.position));
}

export async function selectVersion(db: Db, id: number): Promise<CourseVersion | undefined> {
	return await first(db.select().from(courseVersion).where(eq(courseVersion.id, id)));
}

export async function selectLatestVersionNumber(db: Db, courseId: number): Promise<number> {
	const rows = await db
		.select({ version: courseVersion.version })
		.from(courseVersion)
		.where(eq(courseVersion.courseId, courseId));
	return rows.reduce((max, r) => Math.max(max, r.version), 0);
}

export async function insertCourse(db: Db, row: typeof course.$inferInsert): Promise<Course> {
	return await inserted(db.insert(course).values(row).returning());
}

export async function updateCourse(
	db: Db,
	id: number,
	set: Partial<typeof course.$inferInsert>
): Promise<void> {
	await db.update(course).set(set).where(eq(course.id, id));
}

export async function retireCoursesExcept(db: Db, slugs: string[], now: number): Promise<number> {
	const where = slugs.length
		? and(eq(course.retired, false), notInArray(course.slug, slugs))
		: eq(course.retired, false);
	return (await db.update(course).set({ retired: true, updatedAt: now }).where(where))
		.changes;
}

export async function insertVersion(
	db: Db,
	row: typeof courseVersion.$inferInsert
): Promise<CourseVersion> {
	return await inserted(db.insert(courseVersion).values(row).returning());
}
