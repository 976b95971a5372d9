import { randomBytes } from 'node:crypto';
import { requireUser } from '../auth/guards';
import type { SessionUser } from '../auth/session';
import type { AppContext } from '../context';
import { inTransaction, isUniqueViolation, type Db, type Tx } from '../db';
import type { Attempt, ExamDefinition } from '../db/schema';
import { Forbidden, Invalid, NotFound } from '../errors';
import { computeDeadline } from './clock-rules';
import { rememberPaperMeta } from './paper-cache';
import { questionOf, type PoolIndex } from './pool-index';
import { drawFromIndex } from './draw';
import { blueprintOf, getPoolIndex } from './pool-cache';
import { findClosedBanks } from '../questions/service';
import type { Paper } from './types';
import * as data from './data';

export type SeedSource = () => string;
const randomSeed: SeedSource = () => randomBytes(12).toString('hex');

/** Whether the exam accepts a new attempt at `now`; throws the reason when it does not. */
function assertOpen(exam: ExamDefinition, now: number): void {
	if (!exam.active) throw new Invalid([{ key: 'exams.error.inactive' }]);
	if (
		(exam.windowOpensAt !== null && now < exam.windowOpensAt) ||
		(exam.windowClosesAt !== null && now >= exam.windowClosesAt)
	) {
		throw new Invalid([{ key: 'exams.error.notOpen' }]);
	}
}

/** Who may sit an exam; spot exams (抽考) are for the people drawn, checked by their campaign. */
export type EligibilityCheck = (
	ctx: AppContext,
	exam: ExamDefinition,
	user: SessionUser
) => boolean;
// Spot exams are denied unless a caller that knows the draw says otherwise.
// Practice sessions and mocks (practiceKind) are started by the practice domain only.
const everyoneOnStaff: EligibilityCheck = (_ctx, exam, user) =>
	user.status !== 'left' && exam.purpose !== 'spot' && exam.practiceKind === null;

/**
 * A sitting's own terms, for exams run inside something larger: a spot-exam campaign opens its
 * own window each month and allows 1 + retests within it, whatever the exam definition says.
 */
export interface SittingTerms {
	window: { opensAt: number; closesAt: number };
	attemptsAllowed: number;
	/** Attempts already made within this sitting. */
	attemptsUsed: number;
}

export interface StartOptions {
	seed?: SeedSource;
	isEligible?: EligibilityCheck;
	terms?: SittingTerms;
	/** A paper built by the caller (practice sessions) instead of drawn from the blueprint. */
	paper?: Paper;
}

/**
 * Starts an attempt, or resumes the open one: a second start, a second tab or a double click
 * all land on the same attempt. The paper is drawn with a seeded RNG whose seed is stored.
 */
export async function startAttempt(
	ctx: AppContext,
	user: SessionUser | null,
	examId: number,
	options: StartOptions = {}
): Promise<Attempt> {
	return await start(ctx, ctx.db, requireUser(user), examId, options);
}

/** `startAttempt` as a step of the caller's transaction, for the signed-in `actor`. */
export async function startAttemptStep(
	ctx: AppContext,
	tx: Tx,
	actor: SessionUser,
	examId: number,
	options: StartOptions = {}
): Promise<Attempt> {
	return await start(ctx, tx, actor, examId, options);
}

/**
 * The start itself, reading on `db`: the service reads outside any transaction (the reader
 * connection) and writes in its own; the step reads and writes in the caller's.
 */
async function start(
	ctx: AppContext,
	db: Db,
	actor: SessionUser,
	examId: number,
	options: StartOptions
): Promise<Attempt> {
	const exam = await data.selectExam(db, examId);
	if (!exam) throw new NotFound(`exam ${examId}`);
	const openId = await data.selectOpenAttemptId(db, examId, actor.id);
	if (openId !== null) return (await data.selectAttempt(db, openId))!;
	if (!(options.isEligible ?? everyoneOnStaff)(ctx, exam, actor)) {
		throw new Forbidden('not eligible', 'exams.error.notEligible');
	}
	const now = ctx.clock.now();
	const terms = options.terms;
	assertOpen(
		terms
			? { ...exam, windowOpensAt: terms.window.opensAt, windowClosesAt: terms.window.closesAt }
			: exam,
		now
	);
	const allowed = terms ? terms.attemptsAllowed : exam.attemptsAllowed;
	const used = terms ? terms.attemptsUsed : await data.countAttempts(db, examId, actor.id);
	if (allowed !== null && used >= allowed) {
		throw new Invalid([{ key: 'exams.error.noAttemptsLeft', params: { allowed } }]);
	}
	if (exam.purpose === 'practice' && !options.paper) await refuseClosedBanks(db, exam);
	const seed = options.paper?.seed ?? (options.seed ?? randomSeed)();
	// The index a paper is drawn from also knows its question types (kept for the first save).
	let paper = options.paper;
	let index: PoolIndex | null = null;
	if (!paper) {
		index = await getPoolIndex(db, exam);
		paper = drawFromIndex(index, { seed, shuffleOptions: exam.shuffleOptions });
	}
	const extraTimeMs = await data.sumExtraTimeMs(db, examId, actor.id);
	const deadline = computeDeadline({
		startedAt: now,
		timeLimitMs: exam.timeLimitMinutes === null ? null : exam.timeLimitMinutes * 60_000,
		windowClosesAt: terms ? terms.window.closesAt : exam.windowClosesAt,
		extraTimeMs
	});
	try {
		const { attempt, inserted } = await insertAttemptOnce(db, examId, actor.id, {
			seed,
			paper,
			now,
			deadline,
			extraTimeMs
		});
		if (inserted && index) {
			rememberPaperMeta(db, attempt.id, paper.items, (item) => {
				const q = questionOf(index, item.questionId);
				return q?.versionId === item.versionId ? q.type : undefined;
			});
		}
		return attempt;
	} catch (e) {
		// Another app node started the same person's attempt at the same moment and the unique
		// index on open attempts stopped this one (PostgreSQL; on SQLite the write lock
		// serialises starts and the check inside finds it): land on that attempt.
		if (!isUniqueViolation(e)) throw e;
		const id = await data.selectOpenAttemptId(db, examId, actor.id);
		if (id === null) throw e;
		return (await data.selectAttempt(db, id))!;
	}
}

/** A closed bank (保密) never feeds practice, whatever the quiz was defined with before. */
async function refuseClosedBanks(db: Db, exam: ExamDefinition): Promise<void> {
	const closed = await findClosedBanks(
		db,
		blueprintOf(exam).map((r) => r.bankId)
	);
	if (closed.length > 0) {
		throw new Invalid([
			{ key: 'exams.error.closedBank', params: { banks: closed.map((b) => b.name).join('、') } }
		]);
	}
}

async function insertAttemptOnce(
	db: Db,
	examId: number,
	staffId: number,
	start: {
		seed: string;
		paper: Paper;
		now: number;
		deadline: number | null;
		extraTimeMs: number;
	}
): Promise<{ attempt: Attempt; inserted: boolean }> {
	const { seed, paper, now, deadline, extraTimeMs } = start;
	return await inTransaction(db, async (tx) => {
		// Checked again in the transaction: a concurrent start may have won the race.
		const raced = await data.selectOpenAttemptId(tx, examId, staffId);
		if (raced !== null) return { attempt: (await data.selectAttempt(tx, raced))!, inserted: false };
		const row = {
			examId,
			staffId,
			attemptNo: (await data.countAttempts(tx, examId, staffId)) + 1,
			seed,
			paper: paper.items as unknown[],
			status: 'open' as const,
			startedAt: now,
			deadline,
			extraTimeMs,
			submittedAt: null,
			submittedBy: null,
			score: null,
			maxScore: paper.maxScore,
			percent: null,
			passed: null
		};
		return { attempt: { ...(await data.insertAttempt(tx, row)), ...row }, inserted: true };
	});
}
