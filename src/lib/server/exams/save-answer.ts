import type { SessionUser } from '../auth/session';
import type { AppContext } from '../context';
import type { Db, Tx } from '../db';
import { Forbidden, Invalid, NotFound } from '../errors';
import {
	selectAttemptHead,
	selectStoredSeq,
	upsertAnswer,
	upsertAnswerGrouped,
	type AnswerRow
} from './data';
import { canSave, DEFAULT_GRACE_MS, SAVE_REFUSAL } from './clock-rules';
import { answerFromDisplay, displayIds } from './option-ids';
import { getPaperMeta } from './paper-cache';
import { parseAnswer } from './validate-answer';

export interface SaveInput {
	/** 1-based position on the paper. */
	position: unknown;
	/** The answer in display ids, or null to clear it. */
	answer: unknown;
	flagged?: unknown;
	/** Increases with every change the browser makes; an older save never overwrites a newer one. */
	seq: unknown;
}

export interface SaveResult {
	/** False when a newer answer was already stored: the browser may drop this one. */
	stored: boolean;
	seq: number;
	savedAt: number;
}

function positiveInt(value: unknown): number | null {
	return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : null;
}

/** Checks a save against every rule and returns the row to write; throws the refusal. */
async function checkSave(
	ctx: AppContext,
	db: Db,
	user: SessionUser | null,
	attemptId: number,
	input: SaveInput
): Promise<AnswerRow> {
	if (!user) throw new Forbidden('not signed in');
	const head = Number.isSafeInteger(attemptId) ? await selectAttemptHead(db, attemptId) : undefined;
	if (!head) throw new NotFound(`attempt ${attemptId}`, 'exams.error.noSuchAttempt');
	if (head.staffId !== user.id) {
		throw new Forbidden('not your attempt', 'exams.error.notYourAttempt');
	}
	const now = ctx.clock.now();
	const verdict = canSave({
		now,
		deadline: head.deadline,
		graceMs: DEFAULT_GRACE_MS,
		status: head.status === 'open' ? 'in_progress' : 'submitted'
	});
	if (verdict !== 'ok') throw new Invalid([{ key: SAVE_REFUSAL[verdict] }]);
	const seq = positiveInt(input.seq);
	if (seq === null) throw new Invalid([{ key: 'exams.error.badSeq', field: 'seq' }]);
	const position = positiveInt(input.position);
	const meta = await getPaperMeta(db, attemptId);
	const item = position !== null ? meta?.items[position - 1] : undefined;
	if (!meta || !item || position === null) {
		throw new Invalid([{ key: 'exams.error.notInPaper', field: 'position' }]);
	}
	const parsed = parseAnswer(meta.types[position - 1]!, input.answer, displayIds(item));
	if (!parsed.ok) throw new Invalid([parsed.problem]);
	const stored = parsed.answer ? answerFromDisplay(item, parsed.answer) : null;
	return {
		attemptId,
		position,
		questionVersionId: item.versionId,
		answerJson: stored ? JSON.stringify(stored) : null,
		flagged: input.flagged === true,
		seq,
		savedAt: now
	};
}

/** What to reply when the row was not written: a newer answer won, or the attempt closed. */
async function notStored(db: Db, row: AnswerRow): Promise<SaveResult> {
	if ((await selectAttemptHead(db, row.attemptId))?.status !== 'open') {
		throw new Invalid([{ key: SAVE_REFUSAL['already-submitted'] }]);
	}
	const current = await selectStoredSeq(db, row.attemptId, row.position);
	return { stored: false, seq: current?.seq ?? row.seq, savedAt: current?.savedAt ?? row.savedAt };
}

/**
 * Saves one answer as the examinee gives it: session owner only, before the deadline plus
 * grace, an item of this paper, a well-formed answer. Returns once the write has committed
 * (synchronous=FULL), so an acknowledged answer survives a crash.
 */
export async function saveAnswer(
	ctx: AppContext,
	user: SessionUser | null,
	attemptId: number,
	input: SaveInput
): Promise<SaveResult> {
	const row = await checkSave(ctx, ctx.db, user, attemptId, input);
	return (await upsertAnswer(ctx.db, row))
		? { stored: true, seq: row.seq, savedAt: row.savedAt }
		: await notStored(ctx.db, row);
}

/** `saveAnswer` as a step of the caller's transaction, for the signed-in `actor`. */
export async function saveAnswerStep(
	ctx: AppContext,
	tx: Tx,
	actor: SessionUser,
	attemptId: number,
	input: SaveInput
): Promise<SaveResult> {
	const row = await checkSave(ctx, tx, actor, attemptId, input);
	return (await upsertAnswer(tx, row))
		? { stored: true, seq: row.seq, savedAt: row.savedAt }
		: await notStored(tx, row);
}

/**
 * The same save for the web: saves arriving together share one commit (group commit), and the
 * promise settles only after it, so the reply still means "on disk".
 */
export async function saveAnswerGrouped(
	ctx: AppContext,
	user: SessionUser | null,
	attemptId: number,
	input: SaveInput
): Promise<SaveResult> {
	const row = await checkSave(ctx, ctx.db, user, attemptId, input);
	return (await upsertAnswerGrouped(ctx.db, row))
		? { stored: true, seq: row.seq, savedAt: row.savedAt }
		: await notStored(ctx.db, row);
}
