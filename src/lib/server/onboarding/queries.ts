import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../db';
import {
	courseVersion,
	lesson,
	lessonCompletion,
	onboardingPlan,
	practicumDay,
	practicumSignature,
	staff,
	course
} from '../db/schema';

export function selectOpenPlanOfStaff(db: Db, staffId: number) {
	return db
		.select()
		.from(onboardingPlan)
		.where(and(eq(onboardingPlan.staffId, staffId), eq(onboardingPlan.status, 'open')))
		.get();
}

/** Class hours of the seat course's current lessons that the person has completed. */
export function sumSeatHoursCompleted(db: Db, staffId: number, seatCourseId: number): number {
	const row = db
		.select({ hours: sql<number>`coalesce(sum(${lesson.classHours}), 0)` })
		.from(lessonCompletion)
		.innerJoin(course, eq(course.id, lessonCompletion.courseId))
		.innerJoin(courseVersion, eq(courseVersion.id, course.currentVersionId))
		.innerJoin(
			lesson,
			and(
				eq(lesson.courseVersionId, courseVersion.id),
				eq(lesson.lessonKey, lessonCompletion.lessonKey)
			)
		)
		.where(and(eq(lessonCompletion.staffId, staffId), eq(lessonCompletion.courseId, seatCourseId)))
		.get();
	return row?.hours ?? 0;
}

/** The plan's practicum days as they stand: rows no later correction has replaced. */
export function selectCurrentDays(db: Db, planId: number) {
	const superseded = db
		.select({ id: practicumDay.supersedesId })
		.from(practicumDay)
		.where(and(eq(practicumDay.planId, planId), sql`${practicumDay.supersedesId} is not null`));
	return db
		.select()
		.from(practicumDay)
		.where(and(eq(practicumDay.planId, planId), notInArray(practicumDay.id, superseded)))
		.orderBy(practicumDay.dayNumber)
		.all();
}

export function selectSignatures(db: Db, dayIds: number[]) {
	if (dayIds.length === 0) return [];
	return db
		.select()
		.from(practicumSignature)
		.where(inArray(practicumSignature.dayId, dayIds))
		.all();
}

export function markPlanCleared(
	db: Db,
	planId: number,
	clearedOn: string,
	clearedAt: number
): boolean {
	return (
		db
			.update(onboardingPlan)
			.set({ status: 'cleared', clearedOn, clearedAt })
			.where(and(eq(onboardingPlan.id, planId), eq(onboardingPlan.status, 'open')))
			.run().changes === 1
	);
}

export function activateStaff(db: Db, staffId: number, now: number): void {
	db.update(staff)
		.set({ status: 'active', updatedAt: now })
		.where(and(eq(staff.id, staffId), eq(staff.status, 'onboarding')))
		.run();
}
