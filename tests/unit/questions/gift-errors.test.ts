import { describe, expect, it } from 'vitest';
import { parseGift } from '../../../src/lib/server/questions/gift-import';
import { brief } from './helpers';

const gift = (...lines: string[]): Awaited<ReturnType<typeof parseGift>> =>
	parseGift(lines.join('\n'), { defaultBank: '储蓄业务' });

describe('GIFT: malformed input named by line, never a crash', () => {
	it('reports each kind of malformed question and keeps the good ones', () => {
		const result = gift(
			'// 开头的注释',
			'好题{T}', // 2
			'',
			'::没有结尾 题{T}', // 4
			'',
			'没有结尾的答案块{', // 6
			'=甲',
			'~乙',
			'',
			'多余的 } 括号{T}', // 10
			'',
			'两个答案块{T} 和 {F}', // 12
			'',
			'[latex]未知格式{T}', // 14
			'',
			'没有正确答案{~甲 ~乙}', // 16
			'',
			'简答没有等号{甲}', // 18
			'',
			'两个等号的单选{=甲 =乙 ~丙}', // 20
			'',
			'分值不对{~%50%甲 ~%40%乙 ~丙}', // 22
			'',
			'坏分值{~%abc%甲 ~乙 =丙}', // 24
			'',
			'空答案{=甲 ~ ~丙}', // 26
			'',
			'只有一个选项{=甲 ~}', // 28
			'',
			'{=甲 ~乙}', // 30
			'',
			'$FOO: bar', // 32
			'',
			'答案前有字{甲 =乙 ~丙}' // 34
		);
		expect(result.questions.map((q) => q.line)).toEqual([2]);
		expect(brief(result.problems)).toEqual([
			[4, null, 'giftUnclosedName'],
			[6, null, 'giftUnclosedBrace'],
			[10, null, 'giftStrayBrace'],
			[12, null, 'giftExtraBrace'],
			[14, null, 'giftUnknownFormat'],
			[16, null, 'giftNoRightAnswer'],
			[18, null, 'giftNoRightAnswer'],
			[20, null, 'giftManyRight'],
			[22, null, 'giftWeightsNot100'],
			[24, null, 'giftBadWeight'],
			[26, null, 'giftEmptyAnswer'],
			[28, null, 'giftEmptyAnswer'],
			[30, null, 'emptyStem'],
			[32, null, 'giftUnknownCommand'],
			[34, null, 'giftTextOutsideAnswer']
		]);
		expect(result.problems.find((p) => p.line === 14)?.params).toEqual({ value: '[latex]' });
		expect(result.problems.find((p) => p.line === 22)?.params).toEqual({ sum: 90 });
	});

	it('names the line of an unclosed brace inside a multi-line question', () => {
		const result = gift('::名称::', '第二行题干', '{=甲', '~乙');
		expect(brief(result.problems)).toEqual([[3, null, 'giftUnclosedBrace']]);
	});

	it('imports questions sharing a ::name:: (a title in Moodle), each with an id of its own', () => {
		const result = gift(
			'::Q1:: 甲{T}',
			'',
			'::Q1:: 乙{F}',
			'',
			'::Q1 (2):: 丙{T}',
			'',
			'::Q1:: 丁{F}'
		);
		expect(result.problems).toEqual([]);
		expect(result.questions.map((q) => [q.line, q.externalId])).toEqual([
			[1, 'Q1'],
			[3, 'Q1 (2)'],
			[5, 'Q1 (2) (2)'],
			[7, 'Q1 (3)']
		]);
		expect(brief(result.warnings)).toEqual([
			[3, null, 'giftRepeatedName'],
			[5, null, 'giftRepeatedName'],
			[7, null, 'giftRepeatedName']
		]);
		expect(result.warnings[0]?.params).toEqual({ value: 'Q1', firstLine: 1, id: 'Q1 (2)' });
	});

	it('lets two banks use the same ::name:: without a note', () => {
		const result = parseGift('$CATEGORY: 甲库\n\n::Q1:: 甲{T}\n\n$CATEGORY: 乙库\n\n::Q1:: 乙{F}');
		expect(result.warnings).toEqual([]);
		expect(result.questions.map((q) => [q.bank, q.externalId])).toEqual([
			['甲库', 'Q1'],
			['乙库', 'Q1']
		]);
	});

	it('still refuses a repeated Moodle [id:], which is an id', () => {
		const result = gift('// [id:CX-1]', '::甲:: 甲{T}', '', '// [id:CX-1]', '::乙:: 乙{F}');
		expect(brief(result.problems)).toEqual([[5, null, 'duplicateExternalId']]);
		expect(result.problems[0]?.params).toEqual({ value: 'CX-1', firstLine: 2 });
	});

	it('reports questions without a bank once', () => {
		const result = parseGift('甲{T}\n\n乙{F}');
		expect(brief(result.problems)).toEqual([[1, null, 'giftNoBank']]);
		expect(result.problems[0]?.params).toEqual({ count: 2 });
	});

	it('reports a file with nothing but comments', () => {
		expect(brief(gift('// 只有注释', '// 没有题').problems)).toEqual([[0, null, 'noQuestions']]);
	});

	it('survives arbitrary junk', () => {
		const junk = ['{{{', '}}}', '::', '::a::', '{#', '~%', '%%', '=->', '{=a->b ~c}', '#####'];
		for (const text of junk) expect(() => gift(text)).not.toThrow();
	});
});
