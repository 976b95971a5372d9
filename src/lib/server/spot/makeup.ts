/**
 * 补考 (make-up exam): after a failed spot exam, the campaign's remedial lesson (when it names
 * one) must be completed before the retest opens. The rule is here once: the examinee's page,
 * the start action and HR's make-up list all ask `retestGate`. Completion is read through the
 * courses service (lesson_completion), whatever decides when a lesson counts as completed.
 */
import { branchScope, canTrackSpot, requirePermission } from '../auth/permissions';
import type { SessionUser } from '../auth/session';
import type { AppContext } from '../context';
import { selectLessonCompleters } from '../courses/service';
import type { Db } from '../db';
import type { SpotCampaign } from '../db/schema';
import type { Standing } from './standing';
import { loadState } from './state';

/** Where a failed person stands on the remedial lesson. */
export type RemedialState = 'notRequired' | 'done' | 'notDone';

export function remedialLessonOf(
	c: Pick<SpotCampaign, 'remedialCourseId' | 'remedialLessonKey'>
): { courseId: number; lessonKey: string } | null {
	return c.remedialCourseId !== null && c.remedialLessonKey
		? { courseId: c.remedialCourseId, lessonKey: c.remedialLessonKey }
		: null;
}

/** Who of `staffIds` has completed the campaign's remedial lesson (empty when none is named). */
export async function remedialCompleters(
	db: Db,
	c: SpotCampaign,
	staffIds: readonly number[]
): Promise<Set<number>> {
	const lesson = remedialLessonOf(c);
	if (!lesson) return new Set();
	return await selectLessonCompleters(db, lesson.courseId, lesson.lessonKey, staffIds);
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

export interface MakeupList {
	/** The remedial lesson's link, when the campaign names one. */
	remedialNamed: boolean;
	rows: MakeupRow[];
}

/** HR's (and a branch manager's, for their branch) make-up list of one campaign. */
export async function getMakeupList(
	ctx: AppContext,
	user: SessionUser | null,
	campaignId: number
): Promise<MakeupList> {
	const actor = requirePermission(user, canTrackSpot, 'follows spot campaigns');
	const scope = branchScope(actor);
	const state = await loadState(ctx.db, campaignId);
	const people = state.standings.filter((s) => scope === null || scope.includes(s.branchId));
	const done = await remedialCompleters(
		ctx.db,
		state.campaign,
		people.map((s) => s.staffId)
	);
	const rows: MakeupRow[] = [];
	for (const s of people) {
		const row = makeupRowOf(s, remedialStateOf(state.campaign, done.has(s.staffId)));
		if (row) rows.push(row);
	}
	return { remedialNamed: remedialLessonOf(state.campaign) !== null, rows };
}
