import { describe, expect, it } from 'vitest';
import { toSessionUser, type SessionUser } from '../../../src/lib/server/auth/session';
import { startAttempt } from '../../../src/lib/server/exams/attempts';
import { getItemAnalysis } from '../../../src/lib/server/exams/item-analysis';
import { answerToDisplay } from '../../../src/lib/server/exams/option-ids';
import { saveAnswer } from '../../../src/lib/server/exams/save-answer';
import { submitAttempt } from '../../../src/lib/server/exams/submit';
import type { PaperItem } from '../../../src/lib/server/exams/types';
import { createTestApp, type TestApp } from '../../helpers/app';
import { makeBank, makeExam } from '../../helpers/exams';
import { makeBranch, makeStaff } from '../../helpers/factories';

/** Chosen option key per question (by 1-based order of question id); null leaves it blank. */
type Sheet = (string | null)[];

/**
 * Three single-choice questions (key A right), every paper shows all three, 10 points each.
 * Sheets, in attempt order:
 *   s1  A A A  → 30      s2  A A B  → 20      s3  A B –  → 10      s4  C B A  → 10
 */
const SHEETS: Sheet[] = [
	['A', 'A', 'A'],
	['A', 'A', 'B'],
	['A', 'B', null],
	['C', 'B', 'A']
];

async function sit(app: TestApp, examId: number, user: SessionUser, sheet: Sheet): Promise<void> {
	const a = await startAttempt(app, user, examId, { seed: () => `seed-${user.id}` });
	const paper = a.paper as PaperItem[];
	const byId = [...paper].sort((x, y) => x.questionId - y.questionId);
	let seq = 1;
	for (const [i, key] of sheet.entries()) {
		if (key === null) continue;
		const item = byId[i]!;
		await saveAnswer(app, user, a.id, {
			position: paper.indexOf(item) + 1,
			answer: answerToDisplay(item, { choice: key }),
			seq: seq++
		});
	}
	await submitAttempt(app, user, a.id);
}

async function setup() {
	const app = await createTestApp();
	const branchId = (await makeBranch(app)).id;
	const bankId = await makeBank(app, 3);
	const examId = await makeExam(app, bankId, { attemptsAllowed: 1 }, [
		{ id: 'r1', bankId, type: 'single', count: 3, pointsEach: 10 }
	]);
	const trainer = toSessionUser(await makeStaff(app, { branchId }), ['trainer']);
	const learners: SessionUser[] = [];
	for (const sheet of SHEETS) {
		const user = toSessionUser(await makeStaff(app, { branchId }), ['learner']);
		await sit(app, examId, user, sheet);
		learners.push(user);
	}
	// An attempt still open has no score yet and must not be counted.
	const late = toSessionUser(await makeStaff(app, { branchId }), ['learner']);
	await startAttempt(app, late, examId);
	return { app, examId, trainer, learner: learners[0]!, bankId };
}

describe('item analysis of an exam', () => {
	it('computes the hand-checked figures from submitted attempts only', async () => {
		const { app, examId, trainer, bankId } = await setup();
		const r = await getItemAnalysis(app, trainer, examId);
		expect(r.attempts).toBe(4);
		expect(r.meanScore).toBeCloseTo(17.5, 10); // (30 + 20 + 10 + 10) / 4
		expect(r.meanPercent).toBeCloseTo(58.333, 2);
		/*
		 * KR-20: totals right 3, 2, 1, 1 → mean 1.75, variance 2.75 / 4 = 0.6875;
		 * p = 0.75, 0.5, 0.5 → Σpq = 0.1875 + 0.25 + 0.25 = 0.6875 → 3/2 × (1 − 1) = 0.
		 */
		expect(r.reliability).toBeCloseTo(0, 10);
		const [q1, q2, q3] = r.questions;
		expect(q1!.bankId).toBe(bankId);
		expect(q1!.type).toBe('single');
		/*
		 * Ranking ascending by (total, attempt id): s3 (10), s4 (10), s2 (20), s1 (30).
		 * n = 4 → g = round(1.08) = 1: lower = {s3}, upper = {s1}.
		 * q1: right s1 s2 s3. p = 0.75, D = 1 − 1 = 0. rest = [20, 10, 0, 10], x = [1, 1, 1, 0]:
		 *     x̄ = 0.75, ȳ = 10, Σdxdy = 0.25·10 + 0.25·0 + 0.25·(−10) + (−0.75)·0 = 0 → r = 0.
		 */
		expect(q1).toMatchObject({ n: 4, p: 0.75, d: 0, blank: 0, flags: ['lowN'] });
		expect(q1!.rpb).toBeCloseTo(0, 10);
		expect(q1!.options).toEqual([
			{ key: 'A', count: 3, correct: true },
			{ key: 'B', count: 0, correct: false },
			{ key: 'C', count: 1, correct: false },
			{ key: 'D', count: 0, correct: false }
		]);
		/*
		 * q2: right s1 s2. p = 0.5; lower s3 wrong, upper s1 right → D = 1.
		 *     x = [1, 1, 0, 0], rest = [20, 10, 10, 10]: x̄ = 0.5, ȳ = 12.5,
		 *     Σdxdy = 0.5·7.5 + 0.5·(−2.5) + (−0.5)(−2.5) + (−0.5)(−2.5) = 5, Σdx² = 1,
		 *     Σdy² = 56.25 + 3 × 6.25 = 75 → r = 5 / √75 = 1/√3 ≈ 0.577.
		 */
		expect(q2).toMatchObject({ n: 4, p: 0.5, d: 1 });
		expect(q2!.rpb).toBeCloseTo(1 / Math.sqrt(3), 10);
		expect(q2!.options.map((o) => o.count)).toEqual([2, 2, 0, 0]);
		/*
		 * q3: right s1 s4, s3 blank. p = 0.5; lower s3 wrong, upper s1 right → D = 1.
		 *     x = [1, 0, 0, 1], rest = [20, 20, 10, 0]: ȳ = 12.5,
		 *     Σdxdy = 0.5·7.5 − 0.5·7.5 − 0.5·(−2.5) + 0.5·(−12.5) = −5,
		 *     Σdy² = 56.25 + 56.25 + 6.25 + 156.25 = 275 → r = −5 / √275 ≈ −0.302.
		 */
		expect(q3).toMatchObject({ n: 4, p: 0.5, d: 1, blank: 1 });
		expect(q3!.rpb).toBeCloseTo(-5 / Math.sqrt(275), 10);
		expect(q3!.options.map((o) => o.count)).toEqual([2, 1, 0, 0]);
	});

	it('sorts by facility or discrimination, nulls last, ties by question', async () => {
		const { app, examId, trainer } = await setup();
		const ids = (await getItemAnalysis(app, trainer, examId)).questions.map((q) => q.questionId);
		const [q1, q2, q3] = ids;
		const order = async (sort: Parameters<typeof getItemAnalysis>[3]): Promise<number[]> =>
			(await getItemAnalysis(app, trainer, examId, sort)).questions.map((q) => q.questionId);
		expect(await order('facility')).toEqual([q2, q3, q1]);
		expect(await order('-facility')).toEqual([q1, q2, q3]);
		expect(await order('discrimination')).toEqual([q1, q2, q3]);
		expect(await order('-discrimination')).toEqual([q2, q3, q1]);
	});

	it('refuses learners and reports an unknown exam as not found', async () => {
		const { app, examId, trainer, learner } = await setup();
		// Refused by the named permission, which says what was missing.
		await expect(getItemAnalysis(app, learner, examId)).rejects.toThrow(
			/forbidden: analyses items/
		);
		await expect(getItemAnalysis(app, trainer, 9999)).rejects.toThrow(/exam 9999/);
	});

	it('shows an empty analysis for an exam nobody has submitted', async () => {
		const app = await createTestApp();
		const bankId = await makeBank(app, 3);
		const examId = await makeExam(app, bankId);
		const trainer = toSessionUser(await makeStaff(app, { branchId: (await makeBranch(app)).id }), [
			'trainer'
		]);
		const r = await getItemAnalysis(app, trainer, examId);
		expect(r).toMatchObject({ attempts: 0, meanScore: null, reliability: null, questions: [] });
	});
});
