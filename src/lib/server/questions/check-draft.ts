import type { Problem } from '../errors';
import type { ErrorName } from './problems';
import type { VersionContent } from './content';
import { OPTION_KEYS } from './types';
import { QUESTION_TYPES, TEXT_FORMATS } from '../../questions/enums';

const MAX_STEM = 10_000;

/**
 * The importer's rules for one question, applied to a draft typed into the edit form: the
 * same message keys, so a trainer reads the same advice whether they upload or type.
 */
export function checkDraft(draft: VersionContent): Problem[] {
	const problems: Problem[] = [];
	const report = (field: string, name: ErrorName, params: Problem['params'] = {}): void => {
		problems.push({ key: `questions.error.${name}`, params, field });
	};
	if (!(QUESTION_TYPES as readonly string[]).includes(draft.type)) {
		report('type', 'unknownType', { value: draft.type });
	}
	if (!(TEXT_FORMATS as readonly string[]).includes(draft.format)) {
		report('format', 'giftUnknownFormat', { value: draft.format });
	}
	if (!draft.stem.trim()) report('stem', 'emptyStem');
	if (draft.stem.length > MAX_STEM) report('stem', 'stemTooLong', { max: MAX_STEM });
	if (!Number.isInteger(draft.difficulty) || draft.difficulty < 1 || draft.difficulty > 5) {
		report('difficulty', 'badDifficulty', { value: String(draft.difficulty) });
	}
	if (draft.type === 'single' || draft.type === 'multiple') checkChoice(draft, report);
	else if (draft.options.length > 0) {
		report('options', draft.type === 'true_false' ? 'optionsOnTrueFalse' : 'optionsOnFillBlank');
	}
	if (draft.type === 'true_false' && draft.correctBoolean === null)
		report('answer', 'missingAnswer');
	if (draft.type === 'fill_blank' && draft.acceptedAnswers.length === 0) {
		report('answer', 'missingAnswer');
	}
	return problems;
}

type Report = (field: string, name: ErrorName, params?: Problem['params']) => void;

function checkChoice(draft: VersionContent, report: Report): void {
	const { options } = draft;
	if (options.length > OPTION_KEYS.length) {
		report('options', 'tooManyOptions', { count: options.length, max: OPTION_KEYS.length });
		return;
	}
	const last = OPTION_KEYS.indexOf(options.at(-1)?.key as (typeof OPTION_KEYS)[number]);
	const missing = OPTION_KEYS.slice(0, last + 1).filter((k) => !options.some((o) => o.key === k));
	if (missing.length > 0) report('options', 'optionGap', { letters: missing.join('、') });
	if (options.length < 2) report('options', 'tooFewOptions', { count: options.length });
	const correct = options.filter((o) => o.correct).map((o) => o.key);
	if (correct.length === 0) report('answer', 'noCorrectOption');
	if (draft.type === 'single' && correct.length > 1) {
		report('answer', 'singleManyAnswers', { value: correct.join('') });
	}
	for (const o of options) {
		if (o.weight !== null && !(Number.isFinite(o.weight) && Math.abs(o.weight) <= 100)) {
			report(`weight_${o.key}`, 'giftBadWeight', { value: String(o.weight) });
		}
	}
}
