/**
 * Demo generation only: sits an attempt through the real services (start, save each answer,
 * submit), each step at its own moment, with answers chosen right or wrong on purpose. Reading
 * the answer key here is fine because nothing of it reaches a browser.
 */
import type { SessionUser } from '../auth/session';
import type { AppContext } from '../context';
import type { Tx } from '../db';
import type { Attempt } from '../db/schema';
import type { Rng } from '../rng';
import { startAttemptStep } from './attempts';
import { displayIds } from './option-ids';
import { saveAnswerStep } from './save-answer';
import { submitAttemptStep } from './submit';
import type { Answer, ExamQuestion, PaperItem } from './types';
import { loadQuestionVersions } from '../questions/service';

export const at = (ctx: AppContext, t: number): AppContext => ({ ...ctx, clock: { now: () => t } });

/** The answer a person gives, in this paper's display ids: the key's, or a plausible slip. */
export function demoAnswer(
	item: PaperItem,
	q: ExamQuestion,
	right: boolean,
	rng: Rng
): Answer | null {
	const ids = displayIds(item);
	const idOf = (key: string): string => ids[item.optionOrder.indexOf(key)]!;
	const correctKeys = q.options.filter((o) => o.correct).map((o) => o.key);
	const wrongKeys = q.options.filter((o) => !o.correct).map((o) => o.key);
	switch (q.type) {
		case 'single': {
			const key = right || wrongKeys.length === 0 ? correctKeys[0]! : rng.pick(wrongKeys);
			return { choice: idOf(key) };
		}
		case 'multiple': {
			if (right) return { choices: correctKeys.map(idOf).sort() };
			// The usual slip: one right option missed, or one wrong option added.
			const slip =
				correctKeys.length > 1 && (wrongKeys.length === 0 || rng.next() < 0.5)
					? correctKeys.slice(1)
					: [...correctKeys, rng.pick(wrongKeys)];
			return { choices: slip.map(idOf).sort() };
		}
		case 'true_false':
			return { value: right ? q.correctBoolean === true : q.correctBoolean !== true };
		case 'fill_blank':
			return { text: right ? (q.acceptedAnswers[0] ?? '') : '不清楚' };
	}
}

export interface Sitting {
	user: SessionUser;
	examId: number;
	startAt: number;
	/** Minutes from start to submit; answers are saved evenly in between. */
	minutes: number;
	/** How many questions to get wrong, chosen at random on the paper. */
	wrong: number;
}

/** Sits one attempt end to end inside the caller's transaction; returns it as submitted. */
export async function sitDemoAttempt(
	ctx: AppContext,
	tx: Tx,
	rng: Rng,
	s: Sitting
): Promise<Attempt> {
	const attempt = await startAttemptStep(at(ctx, s.startAt), tx, s.user, s.examId, {
		seed: () => `demo-${s.examId}-${s.user.employeeNo}-${s.startAt}`
	});
	return await answerAndSubmit(ctx, tx, rng, attempt, s);
}

/**
 * Answers a started paper, saving evenly over `minutes` from `startAt` with `wrong` answers wrong
 * at random, then submits it.
 */
export async function answerAndSubmit(
	ctx: AppContext,
	tx: Tx,
	rng: Rng,
	attempt: Attempt,
	s: { user: SessionUser; startAt: number; minutes: number; wrong: number }
): Promise<Attempt> {
	const items = attempt.paper as PaperItem[];
	const versions = await loadQuestionVersions(
		tx,
		items.map((i) => i.versionId)
	);
	const wrong = new Set(rng.shuffle(items.map((_, i) => i)).slice(0, s.wrong));
	const step = (s.minutes * 60_000) / (items.length + 1);
	for (const [i, item] of items.entries()) {
		const answer = demoAnswer(item, versions.get(item.versionId)!, !wrong.has(i), rng);
		await saveAnswerStep(at(ctx, s.startAt + Math.round(step * (i + 1))), tx, s.user, attempt.id, {
			position: i + 1,
			answer,
			seq: i + 1
		});
	}
	return await submitAttemptStep(at(ctx, s.startAt + s.minutes * 60_000), tx, s.user, attempt.id);
}
