import { describe, expect, it } from 'vitest';
import { parseQuestionCsv } from '../../../src/lib/server/questions/csv-import';
import { readQuestionFile } from '../../../src/lib/server/questions/read-questions';
import { MAX_IMPORT_BYTES } from '../../../src/lib/server/files/decode';
import { brief, utf8 } from './helpers';

const HEADER = '编号,题库,题型,题干,选项A,选项B,选项C,选项D,答案,难度';
const csv = (...rows: string[]): Awaited<ReturnType<typeof parseQuestionCsv>> =>
	parseQuestionCsv([HEADER, ...rows].join('\n'));

describe('question CSV: every bad line named by line and column', () => {
	it('reports each kind of bad row, and keeps no question from a bad row', () => {
		const result = csv(
			'1,储蓄业务,问答,题,,,,,A,', // 2 unknown type
			'2,储蓄业务,单选,,甲,乙,,,A,', // 3 empty stem
			'3,储蓄业务,单选,题,甲,乙,,,,', // 4 missing answer
			'4,储蓄业务,单选,题,甲,乙,,,C,', // 5 no such option
			'5,储蓄业务,单选,题,甲,乙,丙,,AB,', // 6 single with two letters
			'6,储蓄业务,多选,题,甲,,,,A,', // 7 fewer than two options
			'7,储蓄业务,单选,题,甲,乙,,丁,A,', // 8 gap: no C
			'8,储蓄业务,判断,题,甲,乙,,,对,', // 9 options on true/false
			'9,储蓄业务,填空,题,甲,,,,答,', // 10 options on fill-in
			'10,储蓄业务,单选,题,甲,乙,,,A,7', // 11 bad difficulty
			'1,储蓄业务,单选,题,甲,乙,,,A,', // 12 duplicate id of line 2
			'12,,,题,甲,乙,,,A,', // 13 no bank, no type
			'13,储蓄业务,判断,题,,,,,也许,', // 14 bad true/false
			'14,储蓄业务,多选,题,甲,乙,,,A-1,' // 15 not letters
		);
		expect(result.questions).toEqual([]);
		expect(brief(result.problems)).toEqual([
			[2, '题型', 'unknownType'],
			[3, '题干', 'emptyStem'],
			[4, '答案', 'missingAnswer'],
			[5, '答案', 'answerNoOption'],
			[6, '答案', 'singleManyAnswers'],
			[7, '选项B', 'tooFewOptions'],
			[8, '选项C', 'optionGap'],
			[9, '选项A', 'optionsOnTrueFalse'],
			[10, '选项A', 'optionsOnFillBlank'],
			[11, '难度', 'badDifficulty'],
			[12, '编号', 'duplicateExternalId'],
			[13, '题库', 'missingBank'],
			[13, '题型', 'missingType'],
			[14, '答案', 'badTrueFalse'],
			[15, '答案', 'badAnswerLetters']
		]);
		expect(result.problems[0]?.params).toEqual({ value: '问答' });
		expect(result.problems[3]?.params).toEqual({ letter: 'C' });
		expect(result.problems[6]?.params).toEqual({ letters: 'C' });
		expect(result.problems[10]?.params).toEqual({ value: '1', firstLine: 2 });
	});

	it('accepts a multiple-choice question with one correct option', () => {
		const result = csv(',储蓄业务,多选,题,甲,乙,丙,,B,');
		expect(result.problems).toEqual([]);
		expect(result.questions[0]?.options.filter((o) => o.correct).map((o) => o.key)).toEqual(['B']);
	});

	it('reports every missing required column once, on the header line', () => {
		const result = parseQuestionCsv(
			['题库,题干,选项A', '储蓄业务,题,甲', '储蓄业务,题,甲'].join('\n')
		);
		expect(brief(result.problems)).toEqual([[1, null, 'missingColumns']]);
		expect(result.problems[0]?.params).toEqual({ columns: '题型/type, 答案/answer' });
	});

	it('reports a column given twice and warns about unknown columns', () => {
		const result = parseQuestionCsv(
			['题库,题型,题干,Stem,答案,备注', '储蓄业务,单选,题,题,A,x'].join('\n')
		);
		expect(brief(result.problems)).toEqual([[1, 'Stem', 'duplicateColumn']]);
		expect(brief(result.warnings)).toEqual([[1, null, 'ignoredColumns']]);
		expect(result.warnings[0]?.params).toEqual({ columns: '备注' });
	});

	it('reports a row with more cells than the header (an unquoted comma)', () => {
		const result = csv(',储蓄业务,单选,题,甲,乙,,,A,3,多出来');
		expect(brief(result.problems)).toEqual([[2, null, 'extraCells']]);
	});

	it('reports an unterminated quote at the line it opens', () => {
		const result = csv(',储蓄业务,单选,题,甲,乙,,,A,', ',储蓄业务,单选,"题,甲,乙,,,A,');
		expect(result.questions).toHaveLength(1);
		expect(brief(result.problems)).toEqual([[3, null, 'unterminatedQuote']]);
	});

	it('refuses an empty file, a header without rows, a file over 10 MB, UTF-16 and other kinds', () => {
		expect(brief(readQuestionFile('a.csv', utf8('')).problems)).toEqual([[0, null, 'fileEmpty']]);
		expect(brief(readQuestionFile('a.csv', utf8('\uFEFF\n\n')).problems)).toEqual([
			[0, null, 'fileEmpty']
		]);
		expect(brief(readQuestionFile('a.csv', utf8(HEADER, '')).problems)).toEqual([
			[1, null, 'noDataRows']
		]);
		const big = readQuestionFile('a.csv', new Uint8Array(MAX_IMPORT_BYTES + 1));
		expect(brief(big.problems)).toEqual([[0, null, 'fileTooLarge']]);
		expect(big.problems[0]?.params).toEqual({ size: '10', limit: '10' });
		const utf16 = new Uint8Array([0xff, 0xfe, 0x41, 0x00]);
		expect(brief(readQuestionFile('a.csv', utf16).problems)).toEqual([[0, null, 'utf16']]);
		const xlsx = readQuestionFile('题库.xlsx', utf8(HEADER));
		expect(brief(xlsx.problems)).toEqual([[0, null, 'unsupportedFile']]);
		expect(xlsx.problems[0]?.params).toEqual({ name: '题库.xlsx' });
	});
});
