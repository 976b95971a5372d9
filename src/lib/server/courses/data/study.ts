import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { first, type Db, type Tx } from '../../db';
import { course, courseVersion, lesson, lessonCompletion, lessonStudy, staff } from '../../db/schema';

// lesson_study: time a person spent on a lesson, accrued from heartbeats (study.ts has the rule).

export type LessonStudy = typeof lessonStudy.$inferSelect;

type StudyKey = { staffId: number; courseId: number; lessonKey: string };

const keyIs = (k: StudyKey) =>
	and(
		eq(lessonStudy.staffId, k.staffId),
		eq(lessonStudy.courseId, k.courseId),
		eq(lessonStudy.lessonKey, k.lessonKey)
	);

/**
 * Makes sure the person's row for the lesson exists and takes its row lock for the rest of
 * `tx` (a no-op update), so two heartbeats arriving together are counted one after the other.
 */
export async function lockStudy(tx: Tx, k: StudyKey, now: number): Promise<LessonStudy> {
	await tx
		.insert(lessonStudy)
		.values({ ...k, spentMs: 0, lastBeatAt: null, startedAt: now })
		.onConflictDoNothing();
	await tx
		.update(lessonStudy)
		.set({ spentMs: sql`${lessonStudy.spentMs}` })
		.where(keyIs(k));
	return (await first(tx.select().from(lessonStudy).where(keyIs(k)))) as LessonStudy;
}

export async function updateStudy(
	tx: Tx,
	id: number,
	set: { spentMs: number; lastBeatAt: number | null }
): Promise<void> {
	await tx.update(lessonStudy).set(set).where(eq(lessonStudy.id, id));
}

export async function selectStudy(db: Db, k: StudyKey): Promise<LessonStudy | undefined> {
	return await first(db.select().from(lessonStudy).where(keyIs(k)));
}

/** One person's time per lesson of the current versions, with the lesson's minimum inputs. */
export interface StudyTimeRow {
	courseTitle: string;
	lessonKey: string;
	lessonTitle: string;
	classHours: number;
	minMinutes: number | null;
	spentMs: number;
	completedAt: number | null;
}

export async function selectStudyTimeOf(db: Db, staffId: number): Promise<StudyTimeRow[]> {
	return await db
		.select({
			courseTitle: course.title,
			lessonKey: lessonStudy.lessonKey,
			lessonTitle: lesson.title,
			classHours: lesson.classHours,
			minMinutes: lesson.minMinutes,
			spentMs: lessonStudy.spentMs,
			completedAt: lessonCompletion.completedAt
		})
		.from(lessonStudy)
		.innerJoin(course, eq(course.id, lessonStudy.courseId))
		.innerJoin(courseVersion, eq(courseVersion.id, course.currentVersionId))
		.innerJoin(
			lesson,
			and(eq(lesson.courseVersionId, courseVersion.id), eq(lesson.lessonKey, lessonStudy.lessonKey))
		)
		.leftJoin(
			lessonCompletion,
			and(
				eq(lessonCompletion.staffId, lessonStudy.staffId),
				eq(lessonCompletion.courseId, lessonStudy.courseId),
				eq(lessonCompletion.lessonKey, lessonStudy.lessonKey)
			)
		)
		.where(eq(lessonStudy.staffId, staffId))
		.orderBy(asc(course.position), asc(lesson.moduleId), asc(lesson.position));
}

/** Per lesson of the current versions: learners with time, their total time, completions. */
export interface StudyTotalRow {
	courseTitle: string;
	lessonKey: string;
	lessonTitle: string;
	classHours: number;
	minMinutes: number | null;
	learners: number;
	totalMs: number;
	completed: number;
}

/** Totals over the people of `branchIds` (null: everyone). */
export async function selectStudyTotals(
	db: Db,
	branchIds: number[] | null
): Promise<StudyTotalRow[]> {
	const rows = await db
		.select({
			courseId: course.id,
			courseTitle: course.title,
			lessonKey: lessonStudy.lessonKey,
			lessonTitle: lesson.title,
			classHours: lesson.classHours,
			minMinutes: lesson.minMinutes,
			learners: sql<number>`count(*)`,
			totalMs: sql<number>`coalesce(sum(${lessonStudy.spentMs}), 0)`,
			completed: sql<number>`count(${lessonCompletion.id})`,
			coursePosition: course.position,
			moduleId: lesson.moduleId,
			position: lesson.position
		})
		.from(lessonStudy)
		.innerJoin(staff, eq(staff.id, lessonStudy.staffId))
		.innerJoin(course, eq(course.id, lessonStudy.courseId))
		.innerJoin(courseVersion, eq(courseVersion.id, course.currentVersionId))
		.innerJoin(
			lesson,
			and(eq(lesson.courseVersionId, courseVersion.id), eq(lesson.lessonKey, lessonStudy.lessonKey))
		)
		.leftJoin(
			lessonCompletion,
			and(
				eq(lessonCompletion.staffId, lessonStudy.staffId),
				eq(lessonCompletion.courseId, lessonStudy.courseId),
				eq(lessonCompletion.lessonKey, lessonStudy.lessonKey)
			)
		)
		.where(branchIds === null ? undefined : inArray(staff.branchId, branchIds))
		.groupBy(
			course.id,
			course.title,
			lessonStudy.lessonKey,
			lesson.title,
			lesson.classHours,
			lesson.minMinutes,
			course.position,
			lesson.moduleId,
			lesson.position
		)
		.orderBy(asc(course.position), asc(lesson.moduleId), asc(lesson.position));
	return rows.map((r) => ({
		courseTitle: r.courseTitle,
		lessonKey: r.lessonKey,
		lessonTitle: r.lessonTitle,
		classHours: r.classHours,
		minMinutes: r.minMinutes,
		learners: Number(r.learners),
		totalMs: Number(r.totalMs),
		completed: Number(r.completed)
	}));
}

/** A completion with its lesson's minimum inputs and whether its time was recorded. */
export interface CompletionForStudy {
	staffId: number;
	courseId: number;
	lessonKey: string;
	completedAt: number;
	classHours: number;
	minMinutes: number | null;
}

/** Completions of lessons with no study time recorded (all of them, for the demo). */
export async function selectCompletionsWithoutStudy(db: Db): Promise<CompletionForStudy[]> {
	return await db
		.select({
			staffId: lessonCompletion.staffId,
			courseId: lessonCompletion.courseId,
			lessonKey: lessonCompletion.lessonKey,
			completedAt: lessonCompletion.completedAt,
			classHours: lesson.classHours,
			minMinutes: lesson.minMinutes
		})
		.from(lessonCompletion)
		.innerJoin(lesson, eq(lesson.id, lessonCompletion.lessonId))
		.leftJoin(
			lessonStudy,
			and(
				eq(lessonStudy.staffId, lessonCompletion.staffId),
				eq(lessonStudy.courseId, lessonCompletion.courseId),
				eq(lessonStudy.lessonKey, lessonCompletion.lessonKey)
			)
		)
		.where(isNull(lessonStudy.id))
		.orderBy(asc(lessonCompletion.id));
}

export async function insertStudy(tx: Tx, row: typeof lessonStudy.$inferInsert): Promise<void> {
	await tx.insert(lessonStudy).values(row).onConflictDoNothing();
}
