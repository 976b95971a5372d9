// Reading the practice forms: what the page posts, as the service's request. Malformed values
// become nulls the service refuses with a message.
import { PRACTICE_MODES } from '../../practice/enums';
import { QUESTION_TYPES, type QuestionType } from '../../questions/enums';
import type { PracticeRequest } from './sessions';

function text(form: FormData, name: string): string | null {
	const v = form.get(name);
	return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
}

function int(form: FormData, name: string): number | null {
	const v = text(form, name);
	return v === null ? null : Number(v);
}

/** A practice form as a request; an unknown mode is passed on for the service to refuse. */
export function readPracticeForm(form: FormData): PracticeRequest {
	const mode = text(form, 'mode');
	const type = text(form, 'type');
	return {
		mode: (PRACTICE_MODES.find((m) => m === mode && m !== 'mock') ??
			'unknown') as PracticeRequest['mode'],
		bankId: int(form, 'bankId'),
		category: text(form, 'category'),
		tag: text(form, 'tag'),
		type: QUESTION_TYPES.find((t) => t === type) ?? (null as QuestionType | null),
		count: int(form, 'count')
	};
}

/** The notebook's filter from the page's query string. */
export function readNotebookFilter(params: URLSearchParams): {
	bankId: number | null;
	knowledgePoint: string | null;
} {
	const bank = Number(params.get('bank'));
	const point = params.get('point')?.trim();
	return {
		bankId: Number.isSafeInteger(bank) && bank > 0 ? bank : null,
		knowledgePoint: point ? point : null
	};
}

/** One question's answer as the practice page posts it, in display ids; null when empty. */
export function readAnswerForm(form: FormData): { position: number; answer: unknown } {
	const position = Number(form.get('position'));
	const type = form.get('type');
	const choices = form.getAll('choice').map(String);
	let answer: unknown = null;
	if (type === 'single' && choices[0]) answer = { choice: choices[0] };
	else if (type === 'multiple' && choices.length > 0) answer = { choices: choices.sort() };
	else if (type === 'true_false' && (form.get('value') === 'true' || form.get('value') === 'false'))
		answer = { value: form.get('value') === 'true' };
	else if (type === 'fill_blank' && text(form, 'text') !== null)
		answer = { text: text(form, 'text') };
	return { position, answer };
}
