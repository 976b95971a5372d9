import type { MessageKey } from '../../i18n/messages';
import type { ImportProblem, ParsedQuestions } from './types';

// Names are checked against the catalogue at compile time, so no key is emitted untranslated.
type After<K, P extends string> = K extends `${P}${infer N}` ? N : never;
export type ErrorName = After<MessageKey, 'questions.error.'>;
export type WarningName = After<MessageKey, 'questions.warning.'>;
type Params = Record<string, string | number>;

/** A blocking problem; line 0 means the file as a whole. */
export function importError(
	line: number,
	column: string | null,
	name: ErrorName,
	params: Params = {}
): ImportProblem {
	return { line, column, key: `questions.error.${name}`, params };
}

/** A note that does not block the import. */
export function importWarning(
	line: number,
	column: string | null,
	name: WarningName,
	params: Params = {}
): ImportProblem {
	return { line, column, key: `questions.warning.${name}`, params };
}

/** A result carrying one file-level problem and nothing else. */
export function failedFile(name: ErrorName, params: Params = {}): ParsedQuestions {
	return {
		questions: [],
		problems: [importError(0, null, name, params)],
		skipped: [],
		warnings: []
	};
}
