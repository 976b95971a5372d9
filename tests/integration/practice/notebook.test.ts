import { describe, expect, it } from 'vitest';
import {
	createExam,
	getAttemptReview,
	startAttempt,
	submitAttempt
} from '../../../src/lib/server/exams/service';
import type { ExamInput } from '../../../src/lib/server/exams/service';
import {
	checkPracticeAnswer,
	finishPractice,
	getNotebook,
	getPracticeSession,
	markMastered,
	setMasteryThreshold,
	startPractice
} from '../../../src/lib/server/practice/service';
import { setBankPracticeOpen } from '../../../src/lib/server/questions/service';
import { makeExam } from '../../helpers/exams';
import { answerFor, practiceQuiz, refusal, sit, tagType, world, type World } from './fixture';

const ALL = { bankId: null, knowledgePoint: null };
const HOUR = 3_600_000;

async function notebookIds(w: World): Promise<number[]> {
	return (await getNotebook(w.app, w.teller, ALL)).items
		.map((i) => i.questionId)
		.sort((a, b) => a - b);
}

/** A 错题练习 session: answers every question right (or wrong), then finishes it. */
async function practiseWrong(w: World, right: boolean): Promise<number[]> {
	const id = await startPractice(w.app, w.teller, {
		mode: 'wrong',
		bankId: null,
		category: null,
		tag: null,
		type: null,
		count: null
	});
	const session = await getPracticeSession(w.app, w.teller, id);
	for (const item of session.items) {
		await checkPracticeAnswer(w.app, w.teller, id, {
			position: item.taking.number,
			answer: answerFor(item.taking, right)
		});
	}
	await finishPractice(w.app, w.teller, id);
	return session.items.map((i) => i.taking.questionId);
}

describe('错题本', () => {
	it('collects the questions answered wrong with times wrong, last wrong, bank, knowledge points and explanation', async () => {
		const w = await world();
		await tagType(w.app, 'single', ['开户']);
		const quiz = await practiceQuiz(w);
		const first = await sit(w, quiz, 3);
		w.app.clock.advance(HOUR);
		const second = await sit(w, quiz, 0);
		const page = await getNotebook(w.app, w.teller, ALL);
		expect(page.items.map((i) => i.questionId).sort()).toEqual([...first.wrongIds].sort());
		const item = page.items.find((i) => i.question.type === 'single')!;
		expect(item.timesWrong).toBe(1);
		expect(item.lastWrongAt).toBeLessThan(w.app.clock.now());
		expect(item.bankName).toBe('储蓄业务');
		expect(item.knowledgePoints).toEqual(['开户']);
		expect(item.key?.explanation).toBe('解析');
		expect(item.key?.correctAnswer).toEqual({ choice: 'A' });
		expect(second.wrongIds).toEqual([]);
		// Filters: by knowledge point and by bank.
		const byPoint = await getNotebook(w.app, w.teller, { bankId: null, knowledgePoint: '开户' });
		expect(byPoint.items.every((i) => i.knowledgePoints.includes('开户'))).toBe(true);
		expect(byPoint.knowledgePoints).toEqual(['开户']);
		expect(
			(await getNotebook(w.app, w.teller, { bankId: w.bankId + 99, knowledgePoint: null })).items
		).toEqual([]);
	});

	it('counts a question wrong twice once, with its count and latest time', async () => {
		const w = await world();
		// One single-choice question per paper, always the same one.
		const quiz = await makeExam(w.app, w.bankId, { purpose: 'practice', attemptsAllowed: null }, [
			{ id: 'r1', bankId: w.bankId, type: 'single', difficultyMax: 1, count: 2, pointsEach: 1 }
		]);
		await sit(w, quiz, 2);
		w.app.clock.advance(HOUR);
		await sit(w, quiz, 2);
		const items = (await getNotebook(w.app, w.teller, ALL)).items;
		expect(items).toHaveLength(2);
		expect(items.map((i) => i.timesWrong)).toEqual([2, 2]);
		expect(items[0]!.lastWrongAt).toBe(w.app.clock.now());
	});

	it("never shows a formal exam's key before its review policy allows it", async () => {
		const w = await world();
		const closesAt = w.app.clock.now() + 2 * HOUR;
		const exam = await makeExam(w.app, w.bankId, {
			purpose: 'certification',
			reviewPolicy: 'after_window',
			windowClosesAt: closesAt
		});
		const { wrongIds } = await sit(w, exam, 2);
		let items = (await getNotebook(w.app, w.teller, ALL)).items;
		expect(items.map((i) => i.questionId).sort()).toEqual([...wrongIds].sort());
		expect(items.every((i) => i.key === null && i.hiddenBecause === 'reviewPolicy')).toBe(true);
		// Nor can 错题练习 show them with instant feedback.
		expect(await refusal(() => practiseWrong(w, true))).toBe('practice.error.empty');
		w.app.clock.advance(3 * HOUR);
		items = (await getNotebook(w.app, w.teller, ALL)).items;
		expect(items.every((i) => i.key !== null && i.hiddenBecause === null)).toBe(true);
	});

	it('keeps a score-only exam on a closed bank keyless in the notebook', async () => {
		const w = await world(false);
		const exam = await makeExam(w.app, w.bankId, { reviewPolicy: 'score_only' });
		await sit(w, exam, 2);
		const items = (await getNotebook(w.app, w.teller, ALL)).items;
		expect(items).toHaveLength(2);
		expect(items.every((i) => i.key === null && i.hiddenBecause === 'closedBank')).toBe(true);
	});

	it('lets a question go after N right answers in practice (office setting), and brings it back when wrong again', async () => {
		const w = await world();
		const quiz = await makeExam(w.app, w.bankId, { purpose: 'practice', attemptsAllowed: null }, [
			{ id: 'r1', bankId: w.bankId, type: 'true_false', count: 1, pointsEach: 1 }
		]);
		const { wrongIds } = await sit(w, quiz, 1);
		expect(await notebookIds(w)).toEqual(wrongIds);
		w.app.clock.advance(1000);
		expect(await practiseWrong(w, true)).toEqual(wrongIds);
		const after1 = (await getNotebook(w.app, w.teller, ALL)).items;
		expect(after1.map((i) => [i.questionId, i.correctSince])).toEqual([[wrongIds[0], 1]]);
		w.app.clock.advance(1000);
		await practiseWrong(w, true);
		expect(await notebookIds(w)).toEqual([]);
		// Wrong again in an exam: back in the notebook, the count starts over.
		w.app.clock.advance(1000);
		const again = await makeExam(w.app, w.bankId, { purpose: 'practice', attemptsAllowed: null }, [
			{ id: 'r1', bankId: w.bankId, type: 'true_false', count: 1, pointsEach: 1 }
		]);
		await sit(w, again, 1);
		expect((await getNotebook(w.app, w.teller, ALL)).items[0]?.correctSince).toBe(0);
		// A threshold of 1: one right answer is enough.
		await setMasteryThreshold(w.app, w.trainer, 1);
		w.app.clock.advance(1000);
		await practiseWrong(w, true);
		expect(await notebookIds(w)).toEqual([]);
	});

	it('resets the count on a wrong practice answer, and lets a person mark a question mastered by hand', async () => {
		const w = await world();
		const quiz = await makeExam(w.app, w.bankId, { purpose: 'practice', attemptsAllowed: null }, [
			{ id: 'r1', bankId: w.bankId, type: 'single', count: 2, pointsEach: 1 }
		]);
		const { wrongIds } = await sit(w, quiz, 2);
		w.app.clock.advance(1000);
		await practiseWrong(w, true);
		w.app.clock.advance(1000);
		await practiseWrong(w, false);
		expect((await getNotebook(w.app, w.teller, ALL)).items.map((i) => i.correctSince)).toEqual([
			0, 0
		]);
		await markMastered(w.app, w.teller, wrongIds[0]!);
		expect(await notebookIds(w)).toEqual([wrongIds[1]]);
		expect(await refusal(() => markMastered(w.app, w.teller, wrongIds[0]!))).toBe(
			'practice.error.noSuchItem'
		);
		expect(await refusal(() => setMasteryThreshold(w.app, w.teller, 3))).toBe('error.forbidden');
	});
});

describe('closed banks (保密)', () => {
	const input = (bankId: number, fields: Partial<ExamInput>): ExamInput => ({
		title: '练习',
		purpose: 'practice',
		description: '',
		blueprint: [{ id: 'r1', bankId, type: 'single', count: 2, pointsEach: 10 }],
		timeLimitMinutes: null,
		passMark: 60,
		attemptsAllowed: null,
		shuffleOptions: true,
		partialCredit: 'none',
		reviewPolicy: 'score_and_answers',
		windowOpensAt: null,
		windowClosesAt: null,
		courseId: null,
		lessonKey: null,
		...fields
	});

	it('refuses to define a practice quiz or an answer-showing exam on a closed bank, with the reason', async () => {
		const w = await world(false);
		expect(await refusal(() => createExam(w.app, w.trainer, input(w.bankId, {})))).toBe(
			'examdef.error.closedBankPractice'
		);
		expect(
			await refusal(() =>
				createExam(
					w.app,
					w.trainer,
					input(w.bankId, { purpose: 'certification', attemptsAllowed: 1 })
				)
			)
		).toBe('examdef.error.closedBankReview');
		const ok = await createExam(
			w.app,
			w.trainer,
			input(w.bankId, { purpose: 'certification', attemptsAllowed: 1, reviewPolicy: 'score_only' })
		);
		expect(ok.id).toBeGreaterThan(0);
		await setBankPracticeOpen(w.app, w.trainer, w.bankId, true);
		expect((await createExam(w.app, w.trainer, input(w.bankId, {}))).purpose).toBe('practice');
	});

	it('never feeds practice: no session, no practice quiz start', async () => {
		const w = await world(false);
		expect(
			await refusal(() =>
				startPractice(w.app, w.teller, {
					mode: 'random',
					bankId: w.bankId,
					category: null,
					tag: null,
					type: null,
					count: 5
				})
			)
		).toBe('practice.error.closedBank');
		const quiz = await practiceQuiz(w);
		expect(await refusal(() => startAttempt(w.app, w.teller, quiz))).toBe('exams.error.closedBank');
		expect(await refusal(() => setBankPracticeOpen(w.app, w.teller, w.bankId, true))).toBe(
			'error.forbidden'
		);
	});

	it('40 empty practice submissions reveal no closed-bank keys', async () => {
		const w = await world();
		// Defined while the bank was open, then the bank is closed: the old definitions leak no more.
		const quiz = await practiceQuiz(w);
		const exam = await makeExam(w.app, w.bankId, {
			attemptsAllowed: null,
			reviewPolicy: 'score_and_answers'
		});
		await setBankPracticeOpen(w.app, w.trainer, w.bankId, false);
		let keys = 0;
		for (let i = 0; i < 40; i++) {
			expect(await refusal(() => startAttempt(w.app, w.teller, quiz))).toBe(
				'exams.error.closedBank'
			);
			const a = await startAttempt(w.app, w.teller, exam);
			await submitAttempt(w.app, w.teller, a.id);
			const { review } = await getAttemptReview(w.app, w.teller, a.id);
			if (review.show === 'answers') keys += review.items.length;
			expect(review.show).toBe('score');
		}
		expect(keys).toBe(0);
		expect((await getNotebook(w.app, w.teller, ALL)).items).toEqual([]);
		// The trainer still sees the full marking.
		const last = await startAttempt(w.app, w.teller, exam);
		await submitAttempt(w.app, w.teller, last.id);
		expect((await getAttemptReview(w.app, w.trainer, last.id)).review.show).toBe('answers');
	});
});
