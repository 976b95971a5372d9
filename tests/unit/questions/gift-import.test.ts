import { describe, expect, it } from 'vitest';
import { parseGift } from '../../../src/lib/server/questions/gift-import';
import { readQuestionFile } from '../../../src/lib/server/questions/read-questions';
import { brief, fixture } from './helpers';

const gift = (...lines: string[]): Awaited<ReturnType<typeof parseGift>> =>
	parseGift(lines.join('\n'), { defaultBank: '储蓄业务' });
const only = (
	...lines: string[]
): NonNullable<Awaited<ReturnType<typeof parseGift>>['questions'][0]> => {
	const result = gift(...lines);
	expect(result.problems).toEqual([]);
	expect(result.questions).toHaveLength(1);
	return result.questions[0]!;
};

describe('GIFT: Moodle documentation examples', () => {
	const result = readQuestionFile('moodle.txt', fixture('moodle-examples.gift'));

	it('reads the supported questions with their lines, bank and category', () => {
		expect(result.problems).toEqual([]);
		expect(result.questions.map((q) => [q.line, q.type, q.externalId])).toEqual([
			[4, 'single', 'Q1'],
			[7, 'single', 'Grant'],
			[9, 'true_false', null],
			[11, 'true_false', null],
			[13, 'fill_blank', null],
			[15, 'fill_blank', null],
			[17, 'multiple', null],
			[37, 'single', null]
		]);
		expect(result.questions.every((q) => q.bank === 'Moodle examples')).toBe(true);
		expect(result.questions.every((q) => q.category === 'GIFT')).toBe(true);
		expect(result.questions[0]).toMatchObject({
			format: 'plain',
			stem: "Who's buried in Grant's tomb?",
			difficulty: 3,
			tags: [],
			competency: null
		});
	});

	it('skips matching, numerical, essay and description questions by line', () => {
		expect(result.skipped).toEqual([
			{ line: 24, kind: 'matching', name: null },
			{ line: 31, kind: 'numerical', name: null },
			{ line: 33, kind: 'essay', name: null },
			{ line: 35, kind: 'description', name: null }
		]);
	});

	it('puts a blank where the answer block sits inside the stem', () => {
		expect(result.questions[1]?.stem).toBe("Grant is ____ in Grant's tomb.");
		expect(result.questions[5]?.stem).toBe('Two plus two equals ____.');
		expect(result.questions[5]?.acceptedAnswers).toEqual(['four', '4']);
	});

	it('reads weights, including negative ones, from a multi-line block', () => {
		expect(result.questions[6]?.options).toEqual([
			{ key: 'A', text: 'No one', correct: false, weight: -100, feedback: null },
			{ key: 'B', text: 'Grant', correct: true, weight: 50, feedback: null },
			{ key: 'C', text: "Grant's wife", correct: true, weight: 50, feedback: null },
			{ key: 'D', text: "Grant's father", correct: false, weight: -100, feedback: null }
		]);
	});

	it('reads per-answer feedback and general feedback', () => {
		const question = result.questions[7];
		expect(question?.explanation).toBe('This is a general feedback');
		expect(question?.options.map((o) => [o.key, o.correct, o.feedback])).toEqual([
			['A', false, 'feedback comment on the wrong answer'],
			['B', false, 'feedback comment on this wrong answer'],
			['C', true, 'Very good!']
		]);
	});

	it('reads T, F, TRUE and FALSE', () => {
		expect(result.questions.slice(2, 4).map((q) => q.correctBoolean)).toEqual([false, true]);
		expect(only('太阳从西边升起。{FALSE}').correctBoolean).toBe(false);
		expect(only('邮储银行是国有大型商业银行。{TRUE}').correctBoolean).toBe(true);
	});
});

describe('GIFT: constructs', () => {
	it('keeps true/false feedback (wrong, then right) in the explanation after general feedback', () => {
		const question = only('太阳从东边升起。{T#不对，是东边。#对。####常识}');
		expect(question.explanation).toBe('常识\n\n不对，是东边。\n\n对。');
	});

	it('restores escaped characters and \\n', () => {
		const question = only(
			'::A\\:1:: 1 \\= 1 \\{真\\} \\~ \\# 成立吗？\\n请判断。{=是 \\= 1#好\\#1 ~否}'
		);
		expect(question.externalId).toBe('A:1');
		expect(question.stem).toBe('1 = 1 {真} ~ # 成立吗？\n请判断。');
		expect(question.options[0]).toMatchObject({ text: '是 = 1', feedback: '好#1' });
	});

	it('reads format markers, Moodle format as plain', () => {
		expect(only('::a::[markdown]**粗体**{T}').format).toBe('markdown');
		expect(only('[html]<p>题</p>{T}')).toMatchObject({ format: 'html', stem: '<p>题</p>' });
		expect(only('[plain]题{T}').format).toBe('plain');
		expect(only('[moodle]题{T}').format).toBe('plain');
	});

	it('takes the bank and category from $CATEGORY when no bank is given', () => {
		const result = parseGift(
			[
				'$CATEGORY: 储蓄业务/开户/个人',
				'',
				'题一{T}',
				'',
				'// 无需空行也可：',
				'$CATEGORY: 反洗钱',
				'题二{F}'
			].join('\n')
		);
		expect(result.problems).toEqual([]);
		expect(result.questions.map((q) => [q.line, q.bank, q.category])).toEqual([
			[3, '储蓄业务', '开户/个人'],
			[7, '反洗钱', null]
		]);
		const withBank = parseGift('$CATEGORY: 储蓄业务/开户\n\n题{T}', { defaultBank: '题库甲' });
		expect(withBank.questions[0]).toMatchObject({ bank: '题库甲', category: '储蓄业务/开户' });
	});

	it('reads Moodle [id:] and [tag:] comments', () => {
		const question = only('// [id:CX-9] [tag:开户] [tag:实名制]', '::名称::题{T}');
		expect(question).toMatchObject({ externalId: 'CX-9', tags: ['开户', '实名制'] });
	});

	it('keeps only full-credit short answers and notes the others', () => {
		const result = gift('两加二等于？{=%100%四 =4 =%50%肆}');
		expect(result.questions[0]?.acceptedAnswers).toEqual(['四', '4']);
		expect(brief(result.warnings)).toEqual([[1, null, 'partialAnswerDropped']]);
		expect(result.warnings[0]?.params).toEqual({ value: '肆', weight: 50 });
	});

	it('brings short-answer feedback into the explanation, after the general feedback', () => {
		const result = gift(
			'谁葬在格兰特墓？{=没有人#答得好！ =无人#也对。 =%50%格兰特#差一点。####墓中是灵柩。}'
		);
		expect(result.warnings.map((w) => w.key)).toEqual(['questions.warning.partialAnswerDropped']);
		expect(result.questions[0]?.explanation).toBe(
			'墓中是灵柩。\n\n没有人: 答得好！\n\n无人: 也对。\n\n格兰特: 差一点。'
		);
	});

	it('reads a single choice with a partial-credit wrong answer', () => {
		const question = only('题{=对 ~%50%半对 ~错}');
		expect(question.options.map((o) => [o.correct, o.weight])).toEqual([
			[true, null],
			[false, 50],
			[false, null]
		]);
	});
});
