import type { SessionUser } from '../auth/session';
import type { AppContext } from '../context';
import { Forbidden, Invalid, NotFound } from '../errors';
import { selectAttemptHead, selectStoredSeq, upsertAnswer } from './answer-store';
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

/**
 * Saves one answer as the examinee gives it: session owner only, before the deadline plus
 * grace, an item of this paper, a well-formed answer. The reply is sent only after the write
 * committed (synchronous=FULL), so an acknowledged answer survives a crash.
 */
export function saveAnswer(
	ctx: AppContext,
	user: SessionUser | null,
	attemptId: number,
	input: SaveInput
): SaveResult {
	if (!user) throw new Forbidden('not signed in');
	const head = Number.isSafeInteger(attemptId) ? selectAttemptHead(ctx.db, attemptId) : undefined;
	if (!head) throw new NotFound(`attempt ${attemptId}`, 'exams.error.noSuchAttempt');
	if (head.staffId !== user.id)
		throw new Forbidden('not your attempt', 'exams.error.notYourAttempt');
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
	const meta = getPaperMeta(ctx.db, attemptId);
	const item = position !== null ? meta?.items[position - 1] : undefined;
	if (!meta || !item || position === null) {
		throw new Invalid([{ key: 'exams.error.notInPaper', field: 'position' }]);
	}
	const parsed = parseAnswer(meta.types[position - 1]!, input.answer, displayIds(item));
	if (!parsed.ok) throw new Invalid([parsed.problem]);
	const stored = parsed.answer ? answerFromDisplay(item, parsed.answer) : null;
	const saved = upsertAnswer(ctx.db, {
		attemptId,
		position,
		questionVersionId: item.versionId,
		answerJson: stored ? JSON.stringify(stored) : null,
		flagged: input.flagged === true,
		seq,
		savedAt: now
	});
	if (saved) return { stored: true, seq, savedAt: now };
	const current = selectStoredSeq(ctx.db, attemptId, position);
	return { stored: false, seq: current?.seq ?? seq, savedAt: current?.savedAt ?? now };
}
