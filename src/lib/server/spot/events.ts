/**
 * Absence, exemption, replacement and remediation: appended as events, never edits to the drawn
 * list. HR and admin may record them for anyone; a branch manager for their own branch only.
 */
import { recordAuditIn } from '../audit/service';
import { canSeeBranch, canTrackSpot, requirePermission } from '../auth/permissions';
import type { SessionUser } from '../auth/session';
import type { AppContext } from '../context';
import { inTransaction, type Tx } from '../db';
import { Forbidden, Invalid } from '../errors';
import type { Standing } from './standing';
import { loadState, type CampaignState } from './state';
import { insertEvent } from './data';

type Kind = 'absent' | 'exempt' | 'replaced_by' | 'remedial';

function bad(
	key:
		| 'spot.error.notInDraw'
		| 'spot.error.alreadyRecorded'
		| 'spot.error.notExempt'
		| 'spot.error.alreadyReplaced'
		| 'spot.error.noAlternate'
		| 'spot.error.notFailed'
		| 'spot.error.noRemedial'
		| 'spot.error.notDrawn'
		| 'spot.error.self'
): Invalid {
	return new Invalid([{ key }]);
}

/**
 * The campaign state and the person's standing, once the actor is allowed to touch it. Nobody
 * acts on their own standing: a drawn manager could otherwise excuse themselves and call up an
 * alternate in their place.
 */
async function target(
	tx: Tx,
	user: SessionUser,
	campaignId: number,
	assignmentId: number
): Promise<[CampaignState, Standing]> {
	const state = await loadState(tx, campaignId);
	if (!state.draw) throw bad('spot.error.notDrawn');
	const s = state.standings.find((x) => x.id === assignmentId);
	// Only people of the live draw who count (drawn, or standing in) can be absent or exempt.
	if (!s || !s.tracked) throw bad('spot.error.notInDraw');
	if (!canSeeBranch(user, s.branchId)) throw new Forbidden(`branch ${s.branchId}`);
	if (s.staffId === user.id) throw bad('spot.error.self');
	return [state, s];
}

async function append(
	ctx: AppContext,
	tx: Tx,
	actor: SessionUser,
	campaignId: number,
	s: Standing,
	kind: Kind,
	reason: string,
	other: number | null = null
): Promise<void> {
	await insertEvent(tx, {
		assignmentId: s.id,
		kind,
		reason,
		otherAssignmentId: other,
		recordedBy: actor.id,
		recordedAt: ctx.clock.now()
	});
	await recordAuditIn(ctx, tx, {
		action: 'spot.status',
		actorStaffId: actor.id,
		target: `spot:${campaignId}`,
		detail: { assignmentId: s.id, staffId: s.staffId, kind, reason, other }
	});
}

/** Records that a drawn person was absent, or exempt (leave, sickness); a reason is required. */
export async function recordSpotStatus(
	ctx: AppContext,
	user: SessionUser | null,
	campaignId: number,
	assignmentId: number,
	kind: 'absent' | 'exempt',
	reason: string
): Promise<void> {
	const actor = requirePermission(user, canTrackSpot, 'follows spot campaigns');
	await inTransaction(ctx.db, (tx) =>
		recordSpotStatusStep(ctx, tx, actor, campaignId, assignmentId, kind, reason)
	);
}

/** `recordSpotStatus` as a step of the caller's transaction; `actor` may follow campaigns. */
export async function recordSpotStatusStep(
	ctx: AppContext,
	tx: Tx,
	actor: SessionUser,
	campaignId: number,
	assignmentId: number,
	kind: 'absent' | 'exempt',
	reason: string
): Promise<void> {
	const why = reason.trim();
	if (why.length === 0 || why.length > 200)
		throw new Invalid([{ key: 'spot.error.reason', field: 'reason' }]);
	const [, s] = await target(tx, actor, campaignId, assignmentId);
	if (kind === 'absent' ? s.absent : s.exempt) throw bad('spot.error.alreadyRecorded');
	await append(ctx, tx, actor, campaignId, s, kind, why);
}

export const recordAbsence = async (
	ctx: AppContext,
	user: SessionUser | null,
	campaignId: number,
	assignmentId: number,
	reason: string
): Promise<void> => await recordSpotStatus(ctx, user, campaignId, assignmentId, 'absent', reason);

export const recordExemption = async (
	ctx: AppContext,
	user: SessionUser | null,
	campaignId: number,
	assignmentId: number,
	reason: string
): Promise<void> => await recordSpotStatus(ctx, user, campaignId, assignmentId, 'exempt', reason);

/** Calls up the next alternate of the same branch for an exempt person. Returns their assignment id. */
export async function replaceWithAlternate(
	ctx: AppContext,
	user: SessionUser | null,
	campaignId: number,
	assignmentId: number
): Promise<number> {
	const actor = requirePermission(user, canTrackSpot, 'follows spot campaigns');
	return await inTransaction(ctx.db, (tx) =>
		replaceWithAlternateStep(ctx, tx, actor, campaignId, assignmentId)
	);
}

/** `replaceWithAlternate` as a step of the caller's transaction; `actor` may follow campaigns. */
export async function replaceWithAlternateStep(
	ctx: AppContext,
	tx: Tx,
	actor: SessionUser,
	campaignId: number,
	assignmentId: number
): Promise<number> {
	const [state, s] = await target(tx, actor, campaignId, assignmentId);
	if (!s.exempt) throw bad('spot.error.notExempt');
	if (s.replacedBy !== null) throw bad('spot.error.alreadyReplaced');
	const next = state.standings
		.filter((x) => x.branchId === s.branchId && x.role === 'alternate' && !x.tracked)
		.sort((a, b) => a.rank - b.rank)[0];
	if (!next) throw bad('spot.error.noAlternate');
	await append(ctx, tx, actor, campaignId, s, 'replaced_by', '', next.id);
	return next.id;
}

/** Assigns the campaign's remedial lesson to someone who failed. */
export async function assignRemedial(
	ctx: AppContext,
	user: SessionUser | null,
	campaignId: number,
	assignmentId: number
): Promise<void> {
	const actor = requirePermission(user, canTrackSpot, 'follows spot campaigns');
	await inTransaction(ctx.db, async (tx) => {
		const [state, s] = await target(tx, actor, campaignId, assignmentId);
		if (state.campaign.remedialCourseId === null) throw bad('spot.error.noRemedial');
		if (!s.results.includes(false) || s.status === 'passed') throw bad('spot.error.notFailed');
		if (s.remedial) throw bad('spot.error.alreadyRecorded');
		await append(ctx, tx, actor, campaignId, s, 'remedial', '');
	});
}
