import { decodeText, formatMegabytes, MAX_IMPORT_BYTES } from '../files/decode';
import { parseQuestionCsv, type QuestionImportOptions } from './csv-import';
import { parseGift } from './gift-import';
import { failedFile } from './problems';
import type { ParsedQuestions } from './types';

/** Extensions the question import reads, and which parser reads them. */
export const QUESTION_FILE_KINDS = { csv: 'csv', gift: 'gift', txt: 'gift' } as const;
export type QuestionFileKind = (typeof QUESTION_FILE_KINDS)[keyof typeof QUESTION_FILE_KINDS];

/** 'csv' for 题库.CSV, 'gift' for .gift and .txt (Moodle exports .txt); null otherwise. */
export function questionFileKind(fileName: string): QuestionFileKind | null {
	const extension = /\.([^./\\]+)$/.exec(fileName.trim())?.[1]?.toLowerCase() ?? '';
	return Object.hasOwn(QUESTION_FILE_KINDS, extension)
		? QUESTION_FILE_KINDS[extension as keyof typeof QUESTION_FILE_KINDS]
		: null;
}

/**
 * Reads an uploaded question file: checks its size and kind, decodes it (UTF-8 with or
 * without BOM, else GB18030 as Excel and Notepad write on a Chinese desktop) and parses it.
 * Never throws on bad input: everything wrong comes back as problems.
 */
export function readQuestionFile(
	fileName: string,
	bytes: Uint8Array,
	options: QuestionImportOptions = {}
): ParsedQuestions {
	const kind = questionFileKind(fileName);
	if (!kind) return failedFile('unsupportedFile', { name: fileName });
	if (bytes.length > MAX_IMPORT_BYTES) {
		return failedFile('fileTooLarge', {
			size: formatMegabytes(bytes.length),
			limit: formatMegabytes(MAX_IMPORT_BYTES)
		});
	}
	const decoded = decodeText(bytes);
	if (!decoded.ok) return failedFile('utf16');
	if (decoded.text.trim() === '') return failedFile('fileEmpty');
	return kind === 'csv'
		? parseQuestionCsv(decoded.text, options)
		: parseGift(decoded.text, options);
}
