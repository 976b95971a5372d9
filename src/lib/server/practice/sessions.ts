// Practice sessions (顺序/随机/专项/错题练习): attempts of the drill exam whose paper this
// domain builds, answered one question at a time with instant feedback. Open banks only.
import { randomBytes } from 'node:crypto';
import { canPractise, requirePermission } from '../auth/permissions';
import type { SessionUser } from '../auth/session';
import type { AppContext } from '../context';
import { inTransaction } from '../db';
import { Invalid, NotFound } from '../errors';
import { ensureDrillExam, startAttempt, submitAttempt, type Paper } from '../exams/service';
import { findClosedBanks, loadDrawPool } from '../questions/service';
import type { PracticeMode } from '../../practice/enums';
import type { QuestionType } from '../../questions/enums';
import { QUESTION_TYPES } from '../../questions/enums';
import * as data from './data';
import { loadNotebook } from './notebook';
import {
	inCategory,
	MAX_SESSION_SIZE,
	paperItems,
	randomPick,
	SESSION_SIZE,
	sequentialPick,
	type PracticeQuestion
} from './paper';

export interface PracticeRequest {
	mode: Exclude<PracticeMode, 'mock'>;
	bankId: number | null;
	category: string | null;
	tag: string | null;
	type: QuestionType | null;
	count: number | null;
	/** Tests pin the draw. */
	seed?: string;
}

async function openBankPool(ctx: AppContext, bankId: number | null): Promise<PracticeQuestion[]> {
	if (bankId === null || !Number.isSafeInteger(bankId)) {
		throw new Invalid([{ key: 'practice.error.chooseBank', field: 'bankId' }]);
	}
	if ((await findClosedBanks(ctx.db, [bankId])).length > 0) {
		throw new Invalid([{ key: 'practice.error.closedBank', field: 'bankId' }]);
	}
	return await loadDrawPool(ctx.db, [bankId]);
}

/** 错题练习: the notebook's questions whose keys may be shown, at their current versions. */
async function notebookPool(
	ctx: AppContext,
	staffId: number,
	request: PracticeRequest
): Promise<PracticeQuestion[]> {
	const items = (await loadNotebook(ctx, staffId)).filter(
		(i) =>
			i.key !== null &&
			(request.bankId === null || i.bankId === request.bankId) &&
			(request.tag === null || i.knowledgePoints.includes(request.tag))
	);
	const wanted = new Set(items.map((i) => i.questionId));
	const pool = await loadDrawPool(ctx.db, [...new Set(items.map((i) => i.bankId))]);
	return pool.filter((q) => wanted.has(q.questionId));
}

function sizeOf(count: number | null): number {
	if (count === null) return SESSION_SIZE;
	if (!Number.isInteger(count) || count < 1 || count > MAX_SESSION_SIZE) {
		throw new Invalid([
			{ key: 'practice.error.count', field: 'count', params: { max: MAX_SESSION_SIZE } }
		]);
	}
	return count;
}

async function pick(
	ctx: AppContext,
	staffId: number,
	request: PracticeRequest,
	seed: string
): Promise<PracticeQuestion[]> {
	const size = sizeOf(request.count);
	switch (request.mode) {
		case 'sequential': {
			const pool = (await openBankPool(ctx, request.bankId)).filter((q) =>
				inCategory(q.category, request.category)
			);
			const after = await data.selectCursor(
				ctx.db,
				staffId,
				request.bankId!,
				request.category ?? ''
			);
			return sequentialPick(pool, after, size);
		}
		case 'random':
			return randomPick(await openBankPool(ctx, request.bankId), size, seed);
		case 'topic': {
			if (request.tag === null && request.type === null) {
				throw new Invalid([{ key: 'practice.error.chooseTopic', field: 'tag' }]);
			}
			const pool = (await openBankPool(ctx, request.bankId)).filter(
				(q) =>
					(request.tag === null || q.tags.includes(request.tag)) &&
					(request.type === null || q.type === request.type)
			);
			return randomPick(pool, size, seed);
		}
		case 'wrong':
			return randomPick(await notebookPool(ctx, staffId, request), size, seed);
	}
}

/**
 * Starts a practice session and returns its attempt id. A person has one open session: 顺序练习
 * on the same bank and category resumes it; anything else finishes it first (its answers are
 * graded and count in 错题本) and starts afresh.
 */
export async function startPractice(
	ctx: AppContext,
	user: SessionUser | null,
	request: PracticeRequest
): Promise<number> {
	const me = requirePermission(user, canPractise, 'practises');
	if (!PRACTICE_REQUEST_MODES.includes(request.mode)) {
		throw new Invalid([{ key: 'practice.error.mode', field: 'mode' }]);
	}
	if (request.type !== null && !QUESTION_TYPES.includes(request.type)) {
		throw new Invalid([{ key: 'practice.error.chooseTopic', field: 'type' }]);
	}
	const drill = await inTransaction(ctx.db, async (tx) => await ensureDrillExam(ctx, tx));
	const open = await data.selectOpenSession(ctx.db, me.id, drill.id);
	if (open) {
		const s = open.session;
		if (
			s &&
			s.mode === 'sequential' &&
			request.mode === 'sequential' &&
			s.bankId === request.bankId &&
			(s.category ?? '') === (request.category ?? '')
		) {
			return open.attemptId;
		}
		await submitAttempt(ctx, me, open.attemptId);
	}
	const seed = request.seed ?? randomBytes(12).toString('hex');
	const picked = await pick(ctx, me.id, request, seed);
	if (picked.length === 0) throw new Invalid([{ key: 'practice.error.empty' }]);
	const items = paperItems(request.mode, picked, seed);
	const paper: Paper = { seed, items, maxScore: items.length };
	const attempt = await startAttempt(ctx, me, drill.id, { paper, isEligible: () => true });
	await data.insertSession(ctx.db, {
		attemptId: attempt.id,
		staffId: me.id,
		mode: request.mode,
		bankId: request.bankId,
		category: request.category,
		tag: request.tag,
		type: request.type,
		createdAt: ctx.clock.now()
	});
	return attempt.id;
}

const PRACTICE_REQUEST_MODES: readonly string[] = ['sequential', 'random', 'topic', 'wrong'];

/** Finishes a session: graded like an exam; its wrong answers go to 错题本. */
export async function finishPractice(
	ctx: AppContext,
	user: SessionUser | null,
	attemptId: number
): Promise<void> {
	const me = requirePermission(user, canPractise, 'practises');
	const session = Number.isSafeInteger(attemptId)
		? await data.selectSession(ctx.db, attemptId)
		: undefined;
	if (!session || session.staffId !== me.id)
		throw new NotFound(`practice ${attemptId}`, 'practice.error.noSuchSession');
	await submitAttempt(ctx, me, attemptId);
}
