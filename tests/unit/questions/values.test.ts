import { describe, expect, it } from 'vitest';
import {
	parseAcceptedAnswers,
	parseAnswerLetters,
	parseQuestionType,
	parseTags
} from '../../../src/lib/server/questions/csv-values';
import { questionFileKind } from '../../../src/lib/server/questions/read-questions';

describe('question CSV values', () => {
	it.each([
		['单选', 'single'],
		['单选题', 'single'],
		['Multiple', 'multiple'],
		['判断', 'true_false'],
		[' TRUE_FALSE ', 'true_false'],
		['填空', 'fill_blank'],
		['问答', null]
	])('reads the type %s', (raw, type) => {
		expect(parseQuestionType(raw)).toBe(type);
	});

	it('splits tags on ; , 、 and their full-width forms, dropping blanks and repeats', () => {
		expect(parseTags('开户; 实名制，反洗钱、开户；；')).toEqual(['开户', '实名制', '反洗钱']);
	});

	it('reads answer letters in any separator and refuses anything else', () => {
		expect(parseAnswerLetters('a c ; d')).toEqual(['A', 'C', 'D']);
		expect(parseAnswerLetters('AAC')).toEqual(['A', 'C']);
		expect(parseAnswerLetters('I')).toBeNull();
		expect(parseAnswerLetters('对')).toBeNull();
		expect(parseAnswerLetters(' , ')).toBeNull();
	});

	it('splits accepted answers on | and full-width ｜', () => {
		expect(parseAcceptedAnswers(' 存款 | 储蓄存款｜存款 ||')).toEqual(['存款', '储蓄存款']);
	});

	it('dispatches files by extension', () => {
		expect(questionFileKind('题库.CSV')).toBe('csv');
		expect(questionFileKind('moodle.gift')).toBe('gift');
		expect(questionFileKind('导出.txt')).toBe('gift');
		expect(questionFileKind('题库.xlsx')).toBeNull();
		expect(questionFileKind('csv')).toBeNull();
	});
});
