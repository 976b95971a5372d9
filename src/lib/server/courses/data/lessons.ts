import { and, asc, eq } from 'drizzle-orm';
import { first, inserted, type Db } from '../../db';
import { courseModule, lesson, type Lesson } from '../../db/schema';

// course_module and lesson: what one version of a course holds, in reading order.

export type CourseModule = typeof courseModule.$inferSelect;

/** A lesson without its body, for outlines and progress. */
export interface LessonOutline {
	id: number;
	moduleId: number;
	lessonKey: string;
	slug: string;
	title: string;
	classHours: number;
	position: number;
}

export async function insertModule(
	db: Db,
	row: typeof courseModule.$inferInsert
): Promise<CourseModule> {
	return await inserted(db.insert(courseModule).values(row).returning());
}

export async function insertLesson(db: Db, row: typeof lesson.$inferInsert): Promise<Lesson> {
	return await inserted(db.insert(lesson).values(row).returning());
}

export async function selectModules(db: Db, versionId: number): Promise<CourseModule[]> {
	return await db
		.select()
		.from(courseModule)
		.where(eq(courseModule.courseVersionId, versionId))
		.orderBy(asc(courseModule.position));
}

/** The lessons of a version without their bodies, for outlines and progress. */
export async function selectLessonOutline(db: Db, versionId: number): Promise<LessonOutline[]> {
	return await db
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
		.orderBy(asc(lesson.moduleId), asc(lesson.position));
}

export async function selectLessonByKey(
	db: Db,
	versionId: number,
	lessonKey: string
): Promise<Lesson | undefined> {
	return await first(db
		.select()
		.from(lesson)
		.where(and(eq(lesson.courseVersionId, versionId), eq(lesson.lessonKey, lessonKey))));
}
