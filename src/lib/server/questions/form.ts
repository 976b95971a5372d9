import type { VersionContent } from './content';
import { parseTags } from './csv-values';
import type { QuestionInput } from './service';
import { OPTION_KEYS, type OptionDraft } from './types';
import { QUESTION_TYPES, TEXT_FORMATS, type QuestionType } from '../../questions/enums';
import type { BankQuery } from './view';

// Form fields and URL parameters to service inputs; the services check the values.

function text(form: FormData, name: string): string {
	const value = form.get(name);
	return typeof value === 'string' ? value.replace(/\r\n/g, '\n') : '';
}

function oneOf<T extends string>(list: readonly T[], value: string | null): T | undefined {
	return list.find((item) => item === value);
}

function options(form: FormData): OptionDraft[] {
	const correct = new Set(form.getAll('correct').map(String));
	return OPTION_KEYS.flatMap((key) => {
		const optionText = text(form, `option_${key}`).trim();
		if (!optionText) return [];
		const weight = text(form, `weight_${key}`).trim();
		const feedback = text(form, `feedback_${key}`).trim();
		return [
			{
				key,
				text: optionText,
				correct: correct.has(key),
				weight: weight === '' ? null : Number(weight),
				feedback: feedback || null
			}
		];
	});
}

/** The question form: only the answer fields of the chosen type count. */
export function readQuestionForm(form: FormData): VersionContent {
	const type = (oneOf(QUESTION_TYPES, text(form, 'type')) ?? text(form, 'type')) as QuestionType;
	const isChoice = type === 'single' || type === 'multiple';
	const trueFalse = text(form, 'correctBoolean');
	const choice = isChoice ? options(form) : [];
	return {
		type,
		format: oneOf(TEXT_FORMATS, text(form, 'format')) ?? 'markdown',
		category: text(form, 'category').trim() || null,
		stem: text(form, 'stem').trim(),
		// Weights are GIFT partial credit; a single-choice question has none.
		options: type === 'single' ? choice.map((o) => ({ ...o, weight: null })) : choice,
		correctBoolean: type === 'true_false' && trueFalse ? trueFalse === 'true' : null,
		acceptedAnswers:
			type === 'fill_blank'
				? [
						...new Set(
							text(form, 'acceptedAnswers')
								.split(/[\n|｜]/)
								.map((a) => a.trim())
								.filter(Boolean)
						)
					]
				: [],
		explanation: text(form, 'explanation').trim(),
		difficulty: Number(text(form, 'difficulty') || '3'),
		tags: parseTags(text(form, 'tags')),
		competency: text(form, 'competency').trim() || null
	};
}

/** The new-question form also carries the author's own id. */
export function readNewQuestionForm(form: FormData): QuestionInput {
	return { ...readQuestionForm(form), externalId: text(form, 'externalId').trim() || null };
}

/** A bank page's filters as the URL carries them; unknown values are ignored. */
export function readBankQuery(params: URLSearchParams): BankQuery {
	const difficulty = Number(params.get('difficulty'));
	const retired = params.get('retired');
	return {
		category: params.get('category') || undefined,
		type: oneOf(QUESTION_TYPES, params.get('type')),
		difficulty:
			Number.isInteger(difficulty) && difficulty >= 1 && difficulty <= 5 ? difficulty : undefined,
		tag: params.get('tag') || undefined,
		retired: retired === 'yes' ? true : retired === 'no' ? false : undefined,
		text: params.get('q')?.trim() || undefined,
		page: Number(params.get('page')) || 1
	};
}
