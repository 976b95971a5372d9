import { optionField } from './csv-columns';
import type { RowReader } from './csv-row';
import { parseAcceptedAnswers, parseAnswerLetters, parseTrueFalse } from './csv-values';
import { OPTION_KEYS, type OptionDraft } from './types';

export interface RowOptions {
	/** Filled option cells in letter order; `correct` is set by checkChoice. */
	drafts: OptionDraft[];
	/** Letters left empty before the last filled one (A, B, D → C). */
	gaps: string[];
}

/** The 选项A..选项H cells of a row, blanks after the last filled one ignored. */
export function readOptions(reader: RowReader): RowOptions {
	const texts = OPTION_KEYS.map((key) => reader.cell(optionField(key)));
	const last = texts.findLastIndex((t) => t !== '');
	const drafts: OptionDraft[] = [];
	const gaps: string[] = [];
	texts.slice(0, last + 1).forEach((text, i) => {
		const key = OPTION_KEYS[i] ?? '';
		if (text) drafts.push({ key, text, correct: false, weight: null, feedback: null });
		else gaps.push(key);
	});
	return { drafts, gaps };
}

/**
 * Single and multiple choice: at least two options without gaps, an answer naming only
 * options that exist, one letter for single choice. A multiple-choice question with one
 * correct option is accepted: banks use it so the examinee cannot tell from the type.
 */
export function checkChoice(
	reader: RowReader,
	type: 'single' | 'multiple',
	options: RowOptions
): void {
	const { report, cell } = reader;
	const first = options.gaps[0];
	if (first) {
		report(optionField(first as (typeof OPTION_KEYS)[number]), 'optionGap', {
			letters: options.gaps.join('、')
		});
	} else if (options.drafts.length < 2) {
		const field = optionField(options.drafts.length === 0 ? 'A' : 'B');
		report(field, 'tooFewOptions', { count: options.drafts.length });
	}
	const raw = cell('answer');
	if (!raw) return report('answer', 'missingAnswer');
	const letters = parseAnswerLetters(raw);
	if (!letters) return report('answer', 'badAnswerLetters', { value: raw });
	if (type === 'single' && letters.length > 1) {
		report('answer', 'singleManyAnswers', { value: raw });
	}
	const keys = new Set(options.drafts.map((o) => o.key));
	for (const letter of letters) {
		if (!keys.has(letter)) report('answer', 'answerNoOption', { letter });
	}
	for (const option of options.drafts) option.correct = letters.includes(option.key);
}

/**
 * 对/错 and friends. Some exam systems export a true/false question as two options 正确/错误
 * with a letter answer; that exact shape is read as true/false, any other options are an
 * error (the type is probably wrong, and dropping the options silently would lose them).
 */
export function checkTrueFalse(reader: RowReader, options: RowOptions): boolean | null {
	const { report, cell } = reader;
	const raw = cell('answer');
	let value = parseTrueFalse(raw);
	if (options.drafts.length > 0 || options.gaps.length > 0) {
		const meanings = options.drafts.map((o) => parseTrueFalse(o.text));
		const isPair =
			options.gaps.length === 0 &&
			meanings.length === 2 &&
			meanings[0] !== null &&
			meanings[1] !== null &&
			meanings[0] !== meanings[1];
		if (!isPair) {
			report(optionField('A'), 'optionsOnTrueFalse');
		} else if (value === null) {
			const letters = parseAnswerLetters(raw);
			const index = letters?.length === 1 ? ['A', 'B'].indexOf(letters[0] ?? '') : -1;
			value = index >= 0 ? (meanings[index] ?? null) : null;
		}
	}
	if (!raw) report('answer', 'missingAnswer');
	else if (value === null) report('answer', 'badTrueFalse', { value: raw });
	return value;
}

/** Accepted answers separated by |; options make no sense on a fill-in row. */
export function checkFillBlank(reader: RowReader, options: RowOptions): string[] {
	if (options.drafts.length > 0) reader.report(optionField('A'), 'optionsOnFillBlank');
	const accepted = parseAcceptedAnswers(reader.cell('answer'));
	if (accepted.length === 0) reader.report('answer', 'missingAnswer');
	return accepted;
}
