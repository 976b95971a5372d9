// Knowledge-point mastery: the share of answers right per knowledge point (a question's tags)
// over the last 90 days, for one person or the people of a branch and/or position.
import { canPractise, canSeeKnowledgeOf, requirePermission } from '../auth/permissions';
import type { SessionUser } from '../auth/session';
import type { AppContext } from '../context';
import { readHandle } from '../context';
import type { Db } from '../db';
import { Forbidden } from '../errors';
import { loadQuestionVersions } from '../questions/service';
import { MASTERY_WINDOW_DAYS } from '../../practice/enums';
import { rate, type Rate } from '../../reports/rate';
import * as data from './data';
import type { AnsweredCountRow } from './data';

export interface KnowledgePoint {
	point: string;
	right: number;
	answered: number;
	rate: Rate;
}

const DAY = 86_400_000;

/** Counts per version turned into counts per tag, weakest first (then by name). */
export async function tallyByPoint(
	db: Db,
	counts: readonly AnsweredCountRow[]
): Promise<KnowledgePoint[]> {
	const versions = await loadQuestionVersions(
		db,
		counts.map((c) => c.versionId)
	);
	const tally = new Map<string, { right: number; answered: number }>();
	for (const c of counts) {
		for (const tag of versions.get(c.versionId)?.tags ?? []) {
			const t = tally.get(tag) ?? { right: 0, answered: 0 };
			t.right += Number(c.right);
			t.answered += Number(c.answered);
			tally.set(tag, t);
		}
	}
	return [...tally]
		.map(([point, t]) => ({ point, ...t, rate: rate(t.right, t.answered) }))
		.sort((a, b) => (a.rate.value ?? 0) - (b.rate.value ?? 0) || a.point.localeCompare(b.point));
}

function since(ctx: AppContext): number {
	return ctx.clock.now() - MASTERY_WINDOW_DAYS * DAY;
}

/** One person's mastery; for pages that have already checked who may see that person. */
export async function loadPersonMastery(
	ctx: AppContext,
	staffId: number
): Promise<KnowledgePoint[]> {
	const db = readHandle(ctx);
	return await tallyByPoint(db, await data.selectAnsweredCounts(db, { staffId }, since(ctx)));
}

/** The person's own mastery per knowledge point. */
export async function getMyMastery(
	ctx: AppContext,
	user: SessionUser | null
): Promise<KnowledgePoint[]> {
	const me = requirePermission(user, canPractise, 'practises');
	return await loadPersonMastery(ctx, me.id);
}

/**
 * The weakest knowledge points of a branch's and/or a position's current staff: trainers and
 * the office for any branch or the whole office, a branch manager for their own branch.
 */
export async function getGroupMastery(
	ctx: AppContext,
	user: SessionUser | null,
	group: { branchId: number | null; position: string | null }
): Promise<KnowledgePoint[]> {
	const actor = requirePermission(
		user,
		(u) => canSeeKnowledgeOf(u, group.branchId) || canSeeKnowledgeOf(u, u.branchId),
		'reads knowledge points'
	);
	if (!canSeeKnowledgeOf(actor, group.branchId)) throw new Forbidden('branch out of scope');
	const db = readHandle(ctx);
	return await tallyByPoint(db, await data.selectAnsweredCounts(db, group, since(ctx)));
}
