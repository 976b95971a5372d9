import { describe, expect, it } from 'vitest';
import { drawPaper } from '../../../src/lib/server/exams/draw';
import { gradeAttempt } from '../../../src/lib/server/exams/grading';
import {
	answerFromDisplay,
	answerToDisplay,
	displayIds
} from '../../../src/lib/server/exams/option-ids';
import { paperView, type SavedState } from '../../../src/lib/server/exams/paper-view';
import { reviewView } from '../../../src/lib/server/exams/review-view';
import type { Answer, ExamQuestion } from '../../../src/lib/server/exams/types';
import { parseAnswer } from '../../../src/lib/server/exams/validate-answer';
import { fillBlank, multiple, option, question, rule, trueFalse } from './factories';

// Secrets chosen so that finding them anywhere in the JSON means an answer key leaked.
const pool: ExamQuestion[] = [
	question(1, {
		options: [option('A'), { ...option('B', true), feedback: 'SECRET-FEEDBACK-1' }, option('C')],
		explanation: 'SECRET-EXPLANATION-1'
	}),
	multiple(2, {
		options: [option('A', true, 50), option('B', false, -25), option('C', true, 50), option('D')],
		explanation: 'SECRET-EXPLANATION-2'
	}),
	trueFalse(3, false, { explanation: 'SECRET-EXPLANATION-3' }),
	fillBlank(4, ['大额交易报告制度', 'LARGE-VALUE-REPORT'], { explanation: 'SECRET-EXPLANATION-4' })
];
const rules = [
	rule('s', { type: 'single' }),
	rule('m', { type: 'multiple', pointsEach: 2 }),
	rule('t', { type: 'true_false' }),
	rule('f', { type: 'fill_blank', pointsEach: 1.5 })
];
const paper = drawPaper(rules, pool, { seed: 'view', shuffleOptions: true });
const versions = new Map(pool.map((q) => [q.versionId, q]));

describe('paperView', () => {
	const saved = new Map<number, SavedState>([
		[1, { answer: { choice: 'A' }, flagged: true }],
		[4, { answer: { text: '不知道' }, flagged: false }]
	]);
	const view = paperView(paper.items, versions, saved, paper.maxScore);

	it('sends no answer key, weight, feedback or explanation before submission', () => {
		const json = JSON.stringify(view);
		for (const field of [
			'"correct"',
			'"weight"',
			'"feedback"',
			'"acceptedAnswers"',
			'"correctBoolean"',
			'"explanation"'
		]) {
			expect(json).not.toContain(field);
		}
		for (const secret of [
			'SECRET',
			'大额交易报告制度',
			'LARGE-VALUE-REPORT',
			'正确',
			'versionId',
			'ruleId'
		]) {
			expect(json).not.toContain(secret);
		}
		expect(view.items.map((i) => i.type).sort()).toEqual([
			'fill_blank',
			'multiple',
			'single',
			'true_false'
		]);
	});

	it('shows options in paper order relabelled A, B, C…, and the saved answer in those labels', () => {
		const single = view.items.find((i) => i.questionId === 1)!;
		const item = paper.items.find((i) => i.questionId === 1)!;
		expect(single.options.map((o) => o.id)).toEqual(['A', 'B', 'C']);
		expect(single.options.map((o) => o.text)).toEqual(
			item.optionOrder.map((k) => `选项${k}的内容`)
		);
		expect(single.answer).toEqual({ choice: displayIds(item)[item.optionOrder.indexOf('A')] });
		expect(single).toMatchObject({ flagged: true, points: 1, format: 'markdown' });
		expect(view.items.map((i) => i.number)).toEqual([1, 2, 3, 4]);
	});
});

describe('option ids', () => {
	it('maps a browser choice back to the stored key and round-trips', () => {
		const item = { optionOrder: ['C', 'A', 'D', 'B'] };
		expect(displayIds(item)).toEqual(['A', 'B', 'C', 'D']);
		const parsed = parseAnswer('multiple', { choices: ['A', 'D'] }, displayIds(item));
		expect(parsed.ok).toBe(true);
		const stored = answerFromDisplay(item, (parsed as { answer: Answer }).answer);
		expect(stored).toEqual({ choices: ['B', 'C'] });
		expect(answerToDisplay(item, stored)).toEqual({ choices: ['A', 'D'] });
		expect(answerFromDisplay(item, { choice: 'B' })).toEqual({ choice: 'A' });
		expect(answerToDisplay(item, { choice: 'Z' })).toBeNull();
		expect(answerFromDisplay(item, { value: true })).toEqual({ value: true });
	});
});

describe('reviewView', () => {
	const close = Date.parse('2026-03-20T10:00:00.000Z');
	const answers = new Map<number, Answer | null>([
		[1, { choice: 'B' }],
		[2, { choices: ['A'] }],
		[3, { value: true }]
	]);
	const items = paper.items.map((item) => ({ ...item, question: versions.get(item.versionId)! }));
	const grade = gradeAttempt(items, answers, { partialCredit: 'proportional', passMark: 60 });
	const base = { windowClosesAt: close, grade, items: paper.items, questions: versions, answers };

	it('shows only the score under score_only', () => {
		const view = reviewView({ ...base, policy: 'score_only', now: close + 1 });
		expect(view).toEqual({ show: 'score', score: 2, maxScore: 5.5, percent: 36.36, passed: false });
		expect(JSON.stringify(view)).not.toContain('SECRET');
	});

	it('shows answers, correctness and explanations under score_and_answers', () => {
		const view = reviewView({ ...base, policy: 'score_and_answers', now: close - 1 });
		if (view.show !== 'answers') throw new Error('expected answers');
		const byId = new Map(view.items.map((i) => [i.questionId, i]));
		expect(byId.get(1)).toMatchObject({
			correct: true,
			score: 1,
			explanation: 'SECRET-EXPLANATION-1'
		});
		expect(byId.get(2)).toMatchObject({ correct: false, score: 1 });
		expect(byId.get(3)?.correctAnswer).toEqual({ value: false });
		expect(byId.get(4)?.correctAnswer).toEqual({
			accepted: ['大额交易报告制度', 'LARGE-VALUE-REPORT']
		});
		const multi = byId.get(2)!;
		const order = paper.items.find((i) => i.questionId === 2)!.optionOrder;
		expect(multi.correctAnswer).toEqual({
			choices: multi.options.filter((o) => o.correct).map((o) => o.id)
		});
		expect(multi.options.filter((o) => o.chosen).map((o) => o.id)).toEqual([
			displayIds({ optionOrder: order })[order.indexOf('A')]
		]);
	});

	it('shows nothing under after_window until the window closes, then everything', () => {
		const early = reviewView({ ...base, policy: 'after_window', now: close - 1 });
		expect(early).toEqual({ show: 'nothing', availableAt: close });
		expect(JSON.stringify(early)).not.toContain('score');
		expect(reviewView({ ...base, policy: 'after_window', now: close }).show).toBe('answers');
		expect(
			reviewView({ ...base, policy: 'after_window', now: close, windowClosesAt: null })
		).toEqual({
			show: 'nothing',
			availableAt: null
		});
	});
});
