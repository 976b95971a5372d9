/**
 * The 补考 (make-up exam) rule, in one place: whether a failed person's retest waits for the
 * campaign's remedial lesson, and what HR's make-up list says of them. Pure: the service passes
 * the standings and who has completed the lesson (spot/makeup.ts).
 */
import type { SpotCampaign } from '../db/schema';
import type { Standing } from './standing';

/** Where a failed person stands on the remedial lesson. */
export type RemedialState = 'notRequired' | 'done' | 'notDone';

export function remedialLessonOf(
	c: Pick<SpotCampaign, 'remedialCourseId' | 'remedialLessonKey'>
): { courseId: number; lessonKey: string } | null {
	return c.remedialCourseId !== null && c.remedialLessonKey
		? { courseId: c.remedialCourseId, lessonKey: c.remedialLessonKey }
		: null;
}

export function remedialStateOf(c: SpotCampaign, completed: boolean): RemedialState {
	if (!remedialLessonOf(c)) return 'notRequired';
	return completed ? 'done' : 'notDone';
}

/**
 * Whether the retest waits for the remedial lesson: the person failed (every submitted attempt
 * in the window failed), has no open attempt, and has not completed the named lesson.
 */
export function isRetestWaitingForRemedial(s: Standing, remedial: RemedialState): boolean {
	const failed = s.results.length > 0 && !s.results.includes(true);
	const open = s.attempts.some((a) => a.status === 'open');
	return failed && !open && remedial === 'notDone';
}

/** What the make-up list shows of one person who failed at least once. */
export type MakeupResult = 'passed' | 'failed' | 'retesting' | 'awaitingRetest';

export interface MakeupRow {
	assignmentId: number;
	name: string;
	employeeNo: string;
	branchName: string;
	/** The failed first attempt's score in percent. */
	firstPercent: number | null;
	firstAttemptId: number;
	remedial: RemedialState;
	/** A retest was started (open or submitted). */
	retaken: boolean;
	result: MakeupResult;
	/** The latest attempt, for the trainer's view of it. */
	lastAttemptId: number;
}

export function makeupRowOf(s: Standing, remedial: RemedialState): MakeupRow | null {
	const first = s.attempts.find((a) => a.status === 'submitted');
	if (!s.tracked || s.exempt || !first || first.passed !== false) return null;
	const last = s.attempts.at(-1)!;
	const open = s.attempts.some((a) => a.status === 'open');
	return {
		assignmentId: s.id,
		name: s.name,
		employeeNo: s.employeeNo,
		branchName: s.branchName,
		firstPercent: first.percent,
		firstAttemptId: first.id,
		remedial,
		retaken: s.attempts.length > 1,
		result: s.results.includes(true)
			? 'passed'
			: open
				? 'retesting'
				: s.attempts.length > 1
					? 'failed'
					: 'awaitingRetest',
		lastAttemptId: last.id
	};
}
