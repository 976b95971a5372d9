import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseQuestionCsv } from '../../../src/lib/server/questions/csv-import';
import { readQuestionFile } from '../../../src/lib/server/questions/read-questions';
import { brief, fixture } from './helpers';

const HEADER = '编号,题库,题型,题干,选项A,选项B,选项C,选项D,答案,难度';
const csv = (...rows: string[]): Awaited<ReturnType<typeof parseQuestionCsv>> =>
	parseQuestionCsv([HEADER, ...rows].join('\n'));

describe('question CSV: reading a good file', () => {
	it('reads every type from Chinese headers', () => {
		const result = readQuestionFile('题库.csv', fixture('bank-zh.csv'));
		expect(result.problems).toEqual([]);
		expect(result.warnings).toEqual([]);
		const [single, multiple, trueFalse, fill] = result.questions;
		expect(single).toEqual({
			line: 2,
			externalId: 'CX-001',
			bank: '储蓄业务',
			category: '开户',
			type: 'single',
			format: 'markdown',
			stem: '个人存款账户实行什么制度？',
			options: [
				{ key: 'A', text: '实名制', correct: true, weight: null, feedback: null },
				{ key: 'B', text: '匿名制', correct: false, weight: null, feedback: null },
				{ key: 'C', text: '代理制', correct: false, weight: null, feedback: null },
				{ key: 'D', text: '登记制', correct: false, weight: null, feedback: null }
			],
			correctBoolean: null,
			acceptedAnswers: [],
			explanation: '《个人存款账户实名制规定》',
			difficulty: 1,
			tags: ['开户', '实名制'],
			competency: 'CX01'
		});
		expect(multiple?.options.map((o) => o.correct)).toEqual([true, true, true, false]);
		expect(multiple).toMatchObject({ difficulty: 4, tags: ['开户', '证件'] });
		expect(trueFalse).toMatchObject({
			type: 'true_false',
			correctBoolean: false,
			options: [],
			difficulty: 4,
			category: null,
			competency: null
		});
		expect(fill).toMatchObject({
			line: 5,
			type: 'fill_blank',
			acceptedAnswers: ['一次办结', '一次办好'],
			difficulty: 3,
			tags: ['服务']
		});
	});

	it('reads English headers in another order and any letter case', () => {
		const result = readQuestionFile('bank.csv', fixture('bank-en.csv'));
		expect(result.problems).toEqual([]);
		expect(result.questions.map((q) => [q.externalId, q.type, q.difficulty])).toEqual([
			['E1', 'single', 2],
			['E2', 'true_false', 3]
		]);
		expect(result.questions[0]?.options.find((o) => o.correct)?.key).toBe('B');
		expect(result.questions[0]?.tags).toEqual(['vault', 'keys']);
	});

	it('reads a GBK file as Excel on a Chinese desktop saves it', () => {
		const text = new TextDecoder().decode(fixture('bank-zh.csv'));
		const gbk = new Uint8Array(iconv.encode(text.replace(/\n/g, '\r\n'), 'gbk'));
		const result = readQuestionFile('题库.CSV', gbk);
		expect(result.problems).toEqual([]);
		expect(result.questions.map((q) => q.stem)).toEqual(
			readQuestionFile('题库.csv', fixture('bank-zh.csv')).questions.map((q) => q.stem)
		);
	});

	it.each([
		['A,C,D', ['A', 'C', 'D']],
		['acd', ['A', 'C', 'D']],
		['A、C', ['A', 'C']],
		['Ａ，Ｃ', ['A', 'C']],
		['B', ['B']]
	])('reads the multiple-choice answer %s', (answer, keys) => {
		const result = csv(`,储蓄业务,多选,题,甲,乙,丙,丁,"${answer}",`);
		expect(result.problems).toEqual([]);
		const correct = result.questions[0]?.options.filter((o) => o.correct).map((o) => o.key);
		expect(correct).toEqual(keys);
	});

	it.each([
		['对', true],
		['正确', true],
		['T', true],
		['true', true],
		['√', true],
		['错', false],
		['错误', false],
		['f', false],
		['FALSE', false],
		['×', false]
	])('reads the true/false answer %s', (answer, value) => {
		expect(csv(`,储蓄业务,判断,题,,,,,${answer},`).questions[0]?.correctBoolean).toBe(value);
	});

	it('reads a true/false question written as options 正确/错误 with a letter answer', () => {
		const result = csv(',储蓄业务,判断题,题,正确,错误,,,B,');
		expect(result.problems).toEqual([]);
		expect(result.questions[0]).toMatchObject({ correctBoolean: false, options: [] });
	});

	it.each([
		['1', 1],
		['5', 5],
		['较易', 2],
		['中', 3],
		['难', 5],
		['', 3]
	])('reads difficulty %s as %i', (raw, value) => {
		expect(csv(`,储蓄业务,单选,题,甲,乙,,,A,${raw}`).questions[0]?.difficulty).toBe(value);
	});

	it('names the line where a record starts when a quoted stem spans lines', () => {
		const result = csv(
			',储蓄业务,单选,"第一行',
			'第二行",甲,乙,,,A,',
			',储蓄业务,单选,,甲,乙,,,A,'
		);
		expect(result.questions[0]).toMatchObject({ line: 2, stem: '第一行\n第二行' });
		expect(brief(result.problems)).toEqual([[4, '题干', 'emptyStem']]);
	});

	it('uses the default bank where the file has no bank column', () => {
		const text = ['题型,题干,选项A,选项B,答案', '单选,题,甲,乙,A'].join('\n');
		expect(brief(parseQuestionCsv(text).problems)).toEqual([[1, null, 'missingColumns']]);
		const result = parseQuestionCsv(text, { defaultBank: '内控合规' });
		expect(result.questions[0]?.bank).toBe('内控合规');
	});
});
