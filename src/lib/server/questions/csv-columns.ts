import { OPTION_KEYS } from './types';

export const CSV_FIELDS = [
	'external_id',
	'bank',
	'category',
	'type',
	'stem',
	'option_a',
	'option_b',
	'option_c',
	'option_d',
	'option_e',
	'option_f',
	'option_g',
	'option_h',
	'answer',
	'explanation',
	'difficulty',
	'tags',
	'competency'
] as const;
export type CsvField = (typeof CSV_FIELDS)[number];

/** The option column for a letter: 'C' → option_c. */
export function optionField(key: (typeof OPTION_KEYS)[number]): CsvField {
	return `option_${key.toLowerCase()}` as CsvField;
}

function optionAliases(key: string): string[] {
	const lower = key.toLowerCase();
	// "选项 A" and "Option A" normalise to 选项_a / option_a.
	return [`选项${key}`, `option_${lower}`, `选项_${lower}`, `option${lower}`];
}

/** Header names accepted for each column, Chinese first; compared after normalising. */
export const CSV_ALIASES: Record<CsvField, readonly string[]> = {
	external_id: ['编号', 'external_id', '题号'],
	bank: ['题库', 'bank'],
	category: ['分类', 'category'],
	type: ['题型', 'type'],
	stem: ['题干', 'stem', '题目'],
	option_a: optionAliases('A'),
	option_b: optionAliases('B'),
	option_c: optionAliases('C'),
	option_d: optionAliases('D'),
	option_e: optionAliases('E'),
	option_f: optionAliases('F'),
	option_g: optionAliases('G'),
	option_h: optionAliases('H'),
	answer: ['答案', 'answer', '正确答案'],
	explanation: ['解析', 'explanation', '答案解析'],
	difficulty: ['难度', 'difficulty'],
	tags: ['知识点', 'tags', 'tag'],
	competency: ['能力项', 'competency']
};

/**
 * Columns every file must have. 题库 may be left out when the caller imports into one bank
 * (the upload page of a bank passes it as the default).
 */
export function requiredColumns(hasDefaultBank: boolean): CsvField[] {
	return hasDefaultBank ? ['type', 'stem', 'answer'] : ['bank', 'type', 'stem', 'answer'];
}

/** How a column is named in messages when the file lacks it: 选项A/option_a. */
export function csvColumnLabel(field: CsvField): string {
	return CSV_ALIASES[field].slice(0, 2).join('/');
}
