import { applyCourseRules } from '../competency/triggers';
import type { AppContext } from '../context';
import { officeDay } from '../../time/office';
import { inTransaction, type Tx } from '../db';
import { Invalid, NotFound } from '../errors';
import { creditHours } from '../hours/service';
import { evaluateClearance } from '../onboarding/service';
import * as data from './data';

export interface CompletionResult {
	/** False when the person had already completed this lesson (nothing credited twice). */
	newlyCompleted: boolean;
	creditedHours: number;
}

export interface CompletionInput {
	staffId: number;
	courseId: number;
	lessonKey: string;
}

/**
 * Records that a person finished a lesson of a course's current version and credits its class
 * hours once, in one transaction. Callers check who may do this; this is the rule itself.
 */
export async function recordLessonCompletion(
	ctx: AppContext,
	input: CompletionInput
): Promise<CompletionResult> {
	return await inTransaction(ctx.db, (tx) => completeLessonStep(ctx, tx, input));
}

/** `recordLessonCompletion` as a step of the caller's transaction. */
export async function completeLessonStep(
	ctx: AppContext,
	tx: Tx,
	input: CompletionInput
): Promise<CompletionResult> {
	const course = await data.selectCourseById(tx, input.courseId);
	if (!course?.currentVersionId) throw new NotFound(`course ${input.courseId}`);
	if (course.retired) throw new Invalid([{ key: 'learning.courseRetired' }]);
	const lesson = await data.selectLessonByKey(tx, course.currentVersionId, input.lessonKey);
	if (!lesson) throw new NotFound(`lesson ${input.lessonKey}`);
	const now = ctx.clock.now();
	const completion = await data.insertCompletionOnce(tx, {
		staffId: input.staffId,
		courseId: course.id,
		lessonKey: lesson.lessonKey,
		lessonId: lesson.id,
		completedAt: now
	});
	if (!completion) return { newlyCompleted: false, creditedHours: 0 };
	const credit = await creditHours(ctx, tx, {
		staffId: input.staffId,
		kind: course.kind,
		hours: lesson.classHours,
		earnedOn: officeDay(now),
		source: 'lesson',
		sourceRef: `lesson:${course.slug}/${lesson.lessonKey}`,
		recordedBy: input.staffId
	});
	await applyCourseRules(ctx, tx, input.staffId, course.id);
	if (course.kind === 'onboarding') await evaluateClearance(ctx, tx, input.staffId);
	return { newlyCompleted: true, creditedHours: credit?.hours ?? 0 };
}
