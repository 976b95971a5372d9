import { describe, expect, it } from 'vitest';
import { normalizeFillIn } from '../../../src/lib/server/exams/fill-in';
import { gradeAttempt, gradeItem } from '../../../src/lib/server/exams/grading';
import { fillBlank, multiple, option, question, trueFalse } from './factories';

const NONE = { partialCredit: 'none' } as const;
const PROPORTIONAL = { partialCredit: 'proportional' } as const;

describe('gradeItem', () => {
	it('grades single choice all or nothing', () => {
		const q = question(1);
		expect(gradeItem(q, { choice: 'B' }, 2, NONE)).toEqual({ correct: true, score: 2 });
		expect(gradeItem(q, { choice: 'A' }, 2, PROPORTIONAL)).toEqual({ correct: false, score: 0 });
		expect(gradeItem(q, null, 2, NONE)).toEqual({ correct: false, score: 0 });
	});

	it('grades true/false all or nothing', () => {
		expect(gradeItem(trueFalse(1, false), { value: false }, 1, NONE)).toEqual({
			correct: true,
			score: 1
		});
		expect(gradeItem(trueFalse(1, true), { value: false }, 1, NONE)).toEqual({
			correct: false,
			score: 0
		});
	});

	it('scores an answer of the wrong shape as blank', () => {
		expect(gradeItem(question(1), { value: true }, 1, NONE).score).toBe(0);
		expect(gradeItem(trueFalse(2), { choice: 'A' }, 1, NONE).score).toBe(0);
	});

	it('grades multiple choice all or nothing by default', () => {
		const q = multiple(1); // A and C correct
		expect(gradeItem(q, { choices: ['A', 'C'] }, 3, NONE)).toEqual({ correct: true, score: 3 });
		expect(gradeItem(q, { choices: ['C', 'A'] }, 3, NONE)).toEqual({ correct: true, score: 3 });
		expect(gradeItem(q, { choices: ['A'] }, 3, NONE)).toEqual({ correct: false, score: 0 });
		expect(gradeItem(q, { choices: ['A', 'B', 'C'] }, 3, NONE)).toEqual({
			correct: false,
			score: 0
		});
		expect(gradeItem(q, { choices: [] }, 3, NONE)).toEqual({ correct: false, score: 0 });
	});

	it('gives proportional credit without weights: (right − wrong) / correct count, floored at 0', () => {
		const q = multiple(1, {
			options: [option('A', true), option('B', true), option('C', true), option('D'), option('E')]
		});
		expect(gradeItem(q, { choices: ['A', 'B'] }, 3, PROPORTIONAL)).toEqual({
			correct: false,
			score: 2
		});
		expect(gradeItem(q, { choices: ['A', 'B', 'D'] }, 3, PROPORTIONAL).score).toBe(1);
		expect(gradeItem(q, { choices: ['A', 'D', 'E'] }, 3, PROPORTIONAL).score).toBe(0);
		expect(gradeItem(q, { choices: ['A', 'B', 'C', 'D', 'E'] }, 3, PROPORTIONAL).score).toBe(1);
		// One of three right on 2 points: 2 × 1/3 rounds to tenths.
		expect(gradeItem(q, { choices: ['C'] }, 2, PROPORTIONAL).score).toBe(0.7);
		expect(gradeItem(q, { choices: ['A', 'B', 'C'] }, 3, PROPORTIONAL)).toEqual({
			correct: true,
			score: 3
		});
	});

	it('gives proportional credit from author weights, floored at 0 and capped at 100%', () => {
		const q = multiple(1, {
			options: [
				option('A', true, 33.33333),
				option('B', true, 33.33333),
				option('C', true, 33.33333),
				option('D', false, -50),
				option('E', false, null)
			]
		});
		expect(gradeItem(q, { choices: ['A'] }, 3, PROPORTIONAL).score).toBe(1);
		expect(gradeItem(q, { choices: ['A', 'B', 'E'] }, 3, PROPORTIONAL).score).toBe(2);
		expect(gradeItem(q, { choices: ['A', 'D'] }, 3, PROPORTIONAL).score).toBe(0);
		expect(gradeItem(q, { choices: ['A', 'B', 'C'] }, 3, PROPORTIONAL)).toEqual({
			correct: true,
			score: 3
		});
		const generous = multiple(2, {
			options: [option('A', true, 80), option('B', true, 80), option('C')]
		});
		expect(gradeItem(generous, { choices: ['A', 'B', 'C'] }, 5, PROPORTIONAL)).toEqual({
			correct: false,
			score: 5
		});
		// Weights are ignored when the exam grades all or nothing.
		expect(gradeItem(q, { choices: ['A', 'B'] }, 3, NONE).score).toBe(0);
	});

	it('accepts any accepted fill-in answer after normalization', () => {
		const q = fillBlank(1, ['ABC123', '客户身份识别']);
		for (const text of [
			'ＡＢＣ１２３',
			' abc123 ',
			'Abc123。',
			'abc123.',
			'ａｂｃ１２３；',
			'客户身份识别'
		]) {
			expect(gradeItem(q, { text }, 2, NONE), text).toEqual({ correct: true, score: 2 });
		}
		for (const text of ['ABC 123', 'abc12', '客户身份', '', '。']) {
			expect(gradeItem(q, { text }, 2, NONE).score, text).toBe(0);
		}
	});
});

describe('normalizeFillIn', () => {
	it('folds width, whitespace, case and trailing punctuation', () => {
		expect(normalizeFillIn('　大额　　交易\t报告；')).toBe('大额 交易 报告');
		expect(normalizeFillIn('ＫＹＣ．')).toBe('kyc');
		expect(normalizeFillIn('50,000 元。。')).toBe('50,000 元');
		expect(normalizeFillIn('1.5')).toBe('1.5');
	});
});

describe('gradeAttempt', () => {
	const items = [
		{ question: question(1), points: 0.1 },
		{ question: question(2), points: 0.2 },
		{ question: trueFalse(3, true), points: 0.7 },
		{ question: fillBlank(4), points: 2 }
	];

	it('sums in tenths, rounds the percentage to two decimals and applies the pass mark', () => {
		const answers = new Map([
			[1, { choice: 'B' }],
			[2, { choice: 'B' }],
			[3, null]
		]);
		const result = gradeAttempt(items, answers, { partialCredit: 'none', passMark: 10 });
		expect(result.score).toBe(0.3);
		expect(result.maxScore).toBe(3);
		expect(result.percent).toBe(10);
		expect(result.passed).toBe(true);
		expect(result.perItem.map((i) => [i.questionId, i.correct, i.score, i.maxScore])).toEqual([
			[1, true, 0.1, 0.1],
			[2, true, 0.2, 0.2],
			[3, false, 0, 0.7],
			[4, false, 0, 2]
		]);
		expect(gradeAttempt(items, answers, { partialCredit: 'none', passMark: 10.01 }).passed).toBe(
			false
		);
	});

	it('gives two-decimal percentages for thirds and handles an empty paper', () => {
		const thirds = [1, 2, 3].map((id) => ({ question: question(id), points: 1 }));
		const result = gradeAttempt(thirds, new Map([[1, { choice: 'B' }]]), {
			partialCredit: 'none',
			passMark: 60
		});
		expect(result.percent).toBe(33.33);
		expect(result.passed).toBe(false);
		expect(gradeAttempt([], new Map(), { partialCredit: 'none', passMark: 0 })).toMatchObject({
			score: 0,
			maxScore: 0,
			percent: 0
		});
	});
});
