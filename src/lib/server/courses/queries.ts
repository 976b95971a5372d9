import { and, asc, eq, inArray, notInArray } from 'drizzle-orm';
import type { Db } from '../db';
import {
	course,
	courseModule,
	courseVersion,
	lesson,
	lessonCompletion,
	type Course,
	type Lesson
} from '../db/schema';

export function selectCourses(db: Db, includeRetired = false): Course[] {
	const query = db.select().from(course);
	return (includeRetired ? query : query.where(eq(course.retired, false)))
		.orderBy(asc(course.position), asc(course.id))
		.all();
}

export function selectCourseBySlug(db: Db, slug: string): Course | undefined {
	return db.select().from(course).where(eq(course.slug, slug)).get();
}

export function selectCourseById(db: Db, id: number): Course | undefined {
	return db.select().from(course).where(eq(course.id, id)).get();
}

export function selectVersion(db: Db, id: number) {
	return db.select().from(courseVersion).where(eq(courseVersion.id, id)).get();
}

export function selectLatestVersionNumber(db: Db, courseId: number): number {
	const rows = db
		.select({ version: courseVersion.version })
		.from(courseVersion)
		.where(eq(courseVersion.courseId, courseId))
		.all();
	return rows.reduce((max, r) => Math.max(max, r.version), 0);
}

export function insertCourse(db: Db, row: typeof course.$inferInsert): Course {
	return db.insert(course).values(row).returning().get();
}

export function updateCourse(db: Db, id: number, set: Partial<typeof course.$inferInsert>): void {
	db.update(course).set(set).where(eq(course.id, id)).run();
}

export function retireCoursesExcept(db: Db, slugs: string[], now: number): number {
	const where = slugs.length
		? and(eq(course.retired, false), notInArray(course.slug, slugs))
		: eq(course.retired, false);
	return db.update(course).set({ retired: true, updatedAt: now }).where(where).run().changes;
}

export function insertVersion(db: Db, row: typeof courseVersion.$inferInsert) {
	return db.insert(courseVersion).values(row).returning().get();
}

export function insertModule(db: Db, row: typeof courseModule.$inferInsert) {
	return db.insert(courseModule).values(row).returning().get();
}

export function insertLesson(db: Db, row: typeof lesson.$inferInsert): Lesson {
	return db.insert(lesson).values(row).returning().get();
}

export function selectModules(db: Db, versionId: number) {
	return db
		.select()
		.from(courseModule)
		.where(eq(courseModule.courseVersionId, versionId))
		.orderBy(asc(courseModule.position))
		.all();
}

/** The lessons of a version without their bodies, for outlines and progress. */
export function selectLessonOutline(db: Db, versionId: number) {
	return db
		.select({
			id: lesson.id,
			moduleId: lesson.moduleId,
			lessonKey: lesson.lessonKey,
			slug: lesson.slug,
			title: lesson.title,
			classHours: lesson.classHours,
			position: lesson.position
		})
		.from(lesson)
		.where(eq(lesson.courseVersionId, versionId))
		.orderBy(asc(lesson.moduleId), asc(lesson.position))
		.all();
}

export function selectLessonByKey(
	db: Db,
	versionId: number,
	lessonKey: string
): Lesson | undefined {
	return db
		.select()
		.from(lesson)
		.where(and(eq(lesson.courseVersionId, versionId), eq(lesson.lessonKey, lessonKey)))
		.get();
}

export function selectCompletions(db: Db, staffId: number, courseIds: number[]) {
	if (courseIds.length === 0) return [];
	return db
		.select()
		.from(lessonCompletion)
		.where(
			and(eq(lessonCompletion.staffId, staffId), inArray(lessonCompletion.courseId, courseIds))
		)
		.all();
}

/** Inserts a completion unless the person already completed that lesson; null when they had. */
export function insertCompletionOnce(db: Db, row: typeof lessonCompletion.$inferInsert) {
	return db.insert(lessonCompletion).values(row).onConflictDoNothing().returning().get() ?? null;
}
