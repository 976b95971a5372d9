import type { Problem } from '../errors';
import type { QuestionType } from '../../questions/enums';
import type { Answer } from './types';

/** Longest fill-in answer accepted, in UTF-16 units; a blank is a word or a phrase. */
export const MAX_FILL_IN_LENGTH = 500;

export type ParsedAnswer = { ok: true; answer: Answer | null } | { ok: false; problem: Problem };

/** The one property each answer shape carries. */
const FIELD: Record<QuestionType, string> = {
	single: 'choice',
	multiple: 'choices',
	true_false: 'value',
	fill_blank: 'text'
};

class Malformed {
	constructor(readonly reason: string) {}
}

/**
 * Reads an answer the browser sent. Anything unexpected (wrong shape, unknown or duplicate option
 * keys, extra properties such as __proto__ or constructor, accessors, over-long text) gives
 * 'exams.error.malformedAnswer' with a `reason` for the log; it never throws and never returns a
 * partial answer. null, undefined, {} or an empty value clear the answer (answer: null).
 * `optionKeys` are the keys the browser was given for this item (display ids, see option-ids.ts).
 */
export function parseAnswer(
	type: QuestionType,
	raw: unknown,
	optionKeys: readonly string[]
): ParsedAnswer {
	try {
		return { ok: true, answer: read(type, raw, optionKeys) };
	} catch (e) {
		// A Proxy or exotic object may throw from any trap; that is malformed too.
		const reason = e instanceof Malformed ? e.reason : 'unreadable';
		return { ok: false, problem: { key: 'exams.error.malformedAnswer', params: { reason } } };
	}
}

function read(type: QuestionType, raw: unknown, optionKeys: readonly string[]): Answer | null {
	if (raw === null || raw === undefined) return null;
	if (typeof raw !== 'object' || Array.isArray(raw)) throw new Malformed('notAnObject');
	const proto = Object.getPrototypeOf(raw);
	if (proto !== Object.prototype && proto !== null) throw new Malformed('notAPlainObject');

	const field = FIELD[type];
	const keys = Reflect.ownKeys(raw);
	if (keys.some((key) => key !== field)) throw new Malformed('unexpectedProperty');
	if (keys.length === 0) return null;
	const descriptor = Object.getOwnPropertyDescriptor(raw, field);
	if (!descriptor || !('value' in descriptor)) throw new Malformed('notAValue');
	const value: unknown = descriptor.value;
	if (value === null || value === undefined) return null;

	switch (type) {
		case 'single':
			if (typeof value !== 'string') throw new Malformed('choiceNotAString');
			if (value === '') return null;
			if (!optionKeys.includes(value)) throw new Malformed('unknownOption');
			return { choice: value };
		case 'multiple':
			return readChoices(value, optionKeys);
		case 'true_false':
			if (typeof value !== 'boolean') throw new Malformed('valueNotABoolean');
			return { value };
		case 'fill_blank':
			if (typeof value !== 'string') throw new Malformed('textNotAString');
			if (value.length > MAX_FILL_IN_LENGTH) throw new Malformed('textTooLong');
			// Control characters other than tab and newlines have no place in a typed answer.
			// eslint-disable-next-line no-control-regex
			if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value)) {
				throw new Malformed('controlCharacter');
			}
			return value.trim() === '' ? null : { text: value };
	}
}

function readChoices(value: unknown, optionKeys: readonly string[]): Answer | null {
	if (!Array.isArray(value) || Object.getPrototypeOf(value) !== Array.prototype) {
		throw new Malformed('choicesNotAnArray');
	}
	// Only the index slots and length: an array with extra named properties is not plain JSON.
	if (Reflect.ownKeys(value).length !== value.length + 1) throw new Malformed('choicesNotAnArray');
	if (value.length > optionKeys.length) throw new Malformed('tooManyChoices');
	const chosen = new Set<string>();
	for (let i = 0; i < value.length; i++) {
		const descriptor = Object.getOwnPropertyDescriptor(value, i);
		const key: unknown = descriptor && 'value' in descriptor ? descriptor.value : undefined;
		if (typeof key !== 'string') throw new Malformed('choiceNotAString');
		if (!optionKeys.includes(key)) throw new Malformed('unknownOption');
		if (chosen.has(key)) throw new Malformed('duplicateChoice');
		chosen.add(key);
	}
	if (chosen.size === 0) return null;
	// Stored in option order so equal answers compare equal.
	return { choices: optionKeys.filter((key) => chosen.has(key)) };
}
