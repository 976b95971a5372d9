import { recordAuditIn } from '../audit/service';
import type { SessionUser } from '../auth/session';
import type { AppContext } from '../context';
import { inTransaction, type Tx } from '../db';
import type { Attempt } from '../db/schema';
import { Forbidden, NotFound } from '../errors';
import { log } from '../log';
import { evaluateClearance } from '../onboarding/service';
import { countSubmittedAttempt } from '../reports/attempt-summary';
import { onAttemptSubmitted } from './after-submit';
import { DEFAULT_GRACE_MS } from './clock-rules';
import { gradeAttempt, type PartialCredit } from './grading';
import { loadQuestionVersions } from '../questions/service';
import * as data from './data';
import type { Answer, PaperItem } from './types';

/**
 * Grades and closes an open attempt inside `tx`; returns the attempt as stored afterwards, or
 * null when it was closed meanwhile (by its examinee or another node) and nothing was done.
 */
export async function gradeAndClose(
	ctx: AppContext,
	tx: Tx,
	row: Attempt,
	by: NonNullable<Attempt['submittedBy']>
): Promise<Attempt | null> {
	// First the row lock: saves and other submissions of this attempt wait behind it, so the
	// answers read below are all there will ever be.
	if (!(await data.lockOpenAttempt(tx, row.id))) return null;
	const exam = await data.selectExam(tx, row.examId);
	if (!exam) throw new NotFound(`exam ${row.examId}`);
	const items = row.paper as PaperItem[];
	const versions = await loadQuestionVersions(
		tx,
		items.map((i) => i.versionId)
	);
	const answers = new Map<number, Answer | null>();
	for (const a of await data.selectAnswers(tx, row.id)) {
		const item = items[a.position - 1];
		if (item) answers.set(item.questionId, (a.answer as Answer | null) ?? null);
	}
	const grade = gradeAttempt(
		items.map((item) => ({ question: versions.get(item.versionId)!, points: item.points })),
		answers,
		{ partialCredit: exam.partialCredit as PartialCredit, passMark: exam.passMark }
	);
	const now = ctx.clock.now();
	if (
		!(await data.markSubmitted(tx, row.id, {
			submittedAt: now,
			submittedBy: by,
			score: grade.score,
			percent: grade.percent,
			passed: grade.passed
		}))
	) {
		// Closed meanwhile: by the examinee, or by another node's sweeper.
		return null;
	}
	// Same transaction as the grade, so the pass-rate summary never disagrees with `attempt`.
	await countSubmittedAttempt(tx, { ...row, passed: grade.passed });
	for (const [i, g] of grade.perItem.entries()) {
		await data.recordItemGrade(tx, {
			attemptId: row.id,
			position: i + 1,
			questionVersionId: items[i]!.versionId,
			correct: g.correct,
			score: g.score,
			now
		});
	}
	if (exam.purpose === 'onboarding' && grade.passed) await evaluateClearance(ctx, tx, row.staffId);
	await recordAuditIn(ctx, tx, {
		action: 'exam.submit',
		actorStaffId: by === 'self' ? row.staffId : null,
		target: `attempt:${row.id}`,
		detail: { by, score: grade.score, passed: grade.passed }
	});
	const submitted = (await data.selectAttempt(tx, row.id))!;
	await onAttemptSubmitted(ctx, tx, { attempt: submitted, exam });
	return submitted;
}

/** Submits the person's own attempt; submitting twice grades once and returns the same result. */
export async function submitAttempt(
	ctx: AppContext,
	user: SessionUser | null,
	attemptId: number
): Promise<Attempt> {
	if (!user) throw new Forbidden('not signed in');
	return await inTransaction(ctx.db, (tx) => submitAttemptStep(ctx, tx, user, attemptId));
}

/** `submitAttempt` as a step of the caller's transaction, for the signed-in `actor`. */
export async function submitAttemptStep(
	ctx: AppContext,
	tx: Tx,
	actor: SessionUser,
	attemptId: number
): Promise<Attempt> {
	const row = await data.selectAttempt(tx, attemptId);
	if (!row) throw new NotFound(`attempt ${attemptId}`, 'exams.error.noSuchAttempt');
	if (row.staffId !== actor.id)
		throw new Forbidden('not your attempt', 'exams.error.notYourAttempt');
	if (row.status === 'submitted') return row;
	return (await gradeAndClose(ctx, tx, row, 'self')) ?? (await data.selectAttempt(tx, attemptId))!;
}

/**
 * Submits, with what was saved, every attempt left open past its deadline plus grace, whether
 * or not anyone visits it. Runs at start and on a timer.
 */
export async function sweepOverdueAttempts(
	ctx: AppContext,
	graceMs = DEFAULT_GRACE_MS
): Promise<number> {
	const ids = await data.selectOverdueAttemptIds(ctx.db, ctx.clock.now() - graceMs - 1);
	let closed = 0;
	for (const id of ids) {
		await inTransaction(ctx.db, async (tx) => {
			const row = await data.selectAttempt(tx, id);
			// Several nodes may sweep at once: the conditional update in gradeAndClose lets one
			// of them close each attempt.
			if (row?.status === 'open' && (await gradeAndClose(ctx, tx, row, 'sweeper'))) closed++;
		});
	}
	if (closed > 0) log.info({ closed }, 'overdue attempts submitted');
	return closed;
}

/** Starts the sweeper: once now, then every `everyMs`; returns a stop function. */
export async function startSweeper(ctx: AppContext, everyMs = 30_000): Promise<() => void> {
	await sweepOverdueAttempts(ctx);
	const sweep = async (): Promise<void> => {
		try {
			await sweepOverdueAttempts(ctx);
		} catch (e) {
			log.error({ err: e }, 'sweeper failed');
		}
	};
	const timer = setInterval(() => void sweep(), everyMs);
	timer.unref();
	return () => clearInterval(timer);
}
