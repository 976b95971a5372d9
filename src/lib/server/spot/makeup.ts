/**
 * 补考 (make-up exam): after a failed spot exam, the campaign's remedial lesson (when it names
 * one) must be completed before the retest opens. The rule is makeup-rule.ts; the examinee's
 * page, the start action and HR's make-up list all ask it. Completion is read through the
 * courses service (lesson_completion), whatever decides when a lesson counts as completed.
 */
import { branchScope, canTrackSpot, requirePermission } from '../auth/permissions';
import type { SessionUser } from '../auth/session';
import type { AppContext } from '../context';
import { selectLessonCompleters } from '../courses/service';
import type { Db } from '../db';
import type { SpotCampaign } from '../db/schema';
import { makeupRowOf, remedialLessonOf, remedialStateOf, type MakeupRow } from './makeup-rule';
import { loadState } from './state';

export {
	isRetestWaitingForRemedial,
	remedialStateOf,
	type MakeupResult,
	type MakeupRow,
	type RemedialState
} from './makeup-rule';

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

export interface MakeupList {
	/** Whether the campaign names a remedial lesson. */
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
