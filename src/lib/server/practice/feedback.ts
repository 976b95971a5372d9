// A practice session page and its instant feedback: answer one question, see at once whether it
// was right, the correct answer and the explanation. The verdict is recorded once and fixed.
import { canPractise, requirePermission } from '../auth/permissions';
import type { SessionUser } from '../auth/session';
import type { AppContext } from '../context';
import { Invalid, NotFound } from '../errors';
import {
	findPaperItems,
	getAttemptView,
	getItemFeedback,
	saveAnswer,
	type PaperViewItem,
	type ReviewItem
} from '../exams/service';
import { findClosedBanks, loadQuestionVersions } from '../questions/service';
import type { PracticeSession } from '../db/schema';
import * as data from './data';

export interface PracticeItem {
	taking: PaperViewItem;
	/** Instant feedback once checked; null before (or when the bank closed meanwhile). */
	feedback: ReviewItem | null;
	checked: boolean;
}

export interface PracticeSessionView {
	attemptId: number;
	session: PracticeSession;
	status: 'open' | 'submitted';
	items: PracticeItem[];
	checked: number;
	right: number;
}

async function ownSession(
	ctx: AppContext,
	me: SessionUser,
	attemptId: number
): Promise<PracticeSession> {
	const session = Number.isSafeInteger(attemptId)
		? await data.selectSession(ctx.db, attemptId)
		: undefined;
	if (!session || session.staffId !== me.id || session.mode === 'mock') {
		throw new NotFound(`practice ${attemptId}`, 'practice.error.noSuchSession');
	}
	return session;
}

/** Per paper position: whether its question comes from an open bank (练习开放) now. */
async function openPositions(ctx: AppContext, attemptId: number): Promise<boolean[]> {
	const items = (await findPaperItems(ctx, attemptId)) ?? [];
	const versions = await loadQuestionVersions(
		ctx.db,
		items.map((i) => i.versionId)
	);
	const bankIds = [...versions.values()].map((v) => v.bankId);
	const closed = new Set((await findClosedBanks(ctx.db, bankIds)).map((b) => b.id));
	return items.map((i) => {
		const v = versions.get(i.versionId);
		return !!v && !closed.has(v.bankId);
	});
}

/** The person's own session: every question, the checked ones with their feedback. */
export async function getPracticeSession(
	ctx: AppContext,
	user: SessionUser | null,
	attemptId: number
): Promise<PracticeSessionView> {
	const me = requirePermission(user, canPractise, 'practises');
	const session = await ownSession(ctx, me, attemptId);
	const view = await getAttemptView(ctx, me, attemptId);
	const checks = new Map((await data.selectChecks(ctx.db, attemptId)).map((c) => [c.position, c]));
	const open = await openPositions(ctx, attemptId);
	const items: PracticeItem[] = [];
	for (const taking of view.paper.items) {
		const check = checks.get(taking.number);
		const feedback =
			check && open[taking.number - 1]
				? await getItemFeedback(ctx, attemptId, taking.number)
				: null;
		items.push({ taking, feedback, checked: !!check });
	}
	return {
		attemptId,
		session,
		status: view.status,
		items,
		checked: checks.size,
		right: [...checks.values()].filter((c) => c.correct).length
	};
}

/**
 * Saves an answer (as the exam engine saves any answer) and returns its feedback. Once checked,
 * an item keeps its first verdict: a second check returns it without saving again.
 */
export async function checkPracticeAnswer(
	ctx: AppContext,
	user: SessionUser | null,
	attemptId: number,
	input: { position: number; answer: unknown }
): Promise<ReviewItem> {
	const me = requirePermission(user, canPractise, 'practises');
	const session = await ownSession(ctx, me, attemptId);
	const view = await getAttemptView(ctx, me, attemptId);
	const item = view.paper.items[input.position - 1];
	if (!item) throw new Invalid([{ key: 'exams.error.notInPaper', field: 'position' }]);
	if (!(await openPositions(ctx, attemptId))[input.position - 1]) {
		throw new Invalid([{ key: 'practice.error.closedBank' }]);
	}
	const already = (await data.selectChecks(ctx.db, attemptId)).some(
		(c) => c.position === input.position
	);
	if (!already) {
		if (input.answer === null) throw new Invalid([{ key: 'practice.error.noAnswer' }]);
		await saveAnswer(ctx, me, attemptId, {
			position: input.position,
			answer: input.answer,
			seq: view.lastSeq + 1
		});
	}
	const feedback = await getItemFeedback(ctx, attemptId, input.position);
	if (already) return feedback;
	const now = ctx.clock.now();
	await data.insertCheck(ctx.db, {
		attemptId,
		position: input.position,
		staffId: me.id,
		questionId: item.questionId,
		correct: feedback.correct,
		checkedAt: now
	});
	if (session.mode === 'sequential' && session.bankId !== null) {
		await data.upsertCursor(ctx.db, {
			staffId: me.id,
			bankId: session.bankId,
			category: session.category ?? '',
			lastQuestionId: item.questionId,
			updatedAt: now
		});
	}
	return feedback;
}
