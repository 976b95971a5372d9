import { matchHeaders } from '../files/columns';
import { parseCsv } from '../files/csv';
import { CSV_ALIASES, csvColumnLabel, requiredColumns } from './csv-columns';
import { readQuestionRow } from './csv-row';
import { failedFile, importError, importWarning } from './problems';
import type { ParsedQuestions } from './types';

export interface QuestionImportOptions {
	/** The bank to use where the file names none (a bank's own upload page passes it). */
	defaultBank?: string | null;
}

/**
 * Reads question-bank CSV text (already decoded) into drafts. Every row is checked and every
 * problem named by the line the record starts on and the column as the file wrote it.
 */
export function parseQuestionCsv(
	text: string,
	options: QuestionImportOptions = {}
): ParsedQuestions {
	const defaultBank = options.defaultBank?.trim() || null;
	const csv = parseCsv(text);
	const [header, ...rows] = csv.rows;
	if (!header) {
		const line = csv.unterminatedQuoteLine;
		if (line === null) return failedFile('fileEmpty');
		return {
			...failedFile('unterminatedQuote'),
			problems: [importError(line, null, 'unterminatedQuote')]
		};
	}
	const result: ParsedQuestions = { questions: [], problems: [], skipped: [], warnings: [] };
	const columns = matchHeaders(header.cells, CSV_ALIASES);
	for (const { column, other } of columns.duplicates) {
		result.problems.push(importError(header.line, column, 'duplicateColumn', { other }));
	}
	const missing = requiredColumns(defaultBank !== null).filter(
		(f) => columns.index[f] === undefined
	);
	if (missing.length > 0) {
		const names = missing.map(csvColumnLabel).join(', ');
		result.problems.push(importError(header.line, null, 'missingColumns', { columns: names }));
	}
	if (columns.ignored.length > 0) {
		const names = columns.ignored.join(', ');
		result.warnings.push(importWarning(header.line, null, 'ignoredColumns', { columns: names }));
	}
	// Without its columns every row would repeat the header's complaint: stop there.
	if (result.problems.length > 0) return result;
	if (rows.length === 0 && !csv.unterminatedQuoteLine) {
		result.problems.push(importError(header.line, null, 'noDataRows'));
		return result;
	}

	const firstLineOf = new Map<string, number>();
	for (const row of rows) {
		const { draft, problems } = readQuestionRow(row, columns, defaultBank);
		const idIndex = columns.index.external_id;
		const id = idIndex === undefined ? '' : (row.cells[idIndex] ?? '').trim();
		const first = id ? firstLineOf.get(id) : undefined;
		if (id && first !== undefined) {
			problems.push(
				importError(row.line, columns.header.external_id ?? null, 'duplicateExternalId', {
					value: id,
					firstLine: first
				})
			);
		} else if (id) firstLineOf.set(id, row.line);
		result.problems.push(...problems);
		if (draft && problems.length === 0) result.questions.push(draft);
	}
	if (csv.unterminatedQuoteLine) {
		result.problems.push(importError(csv.unterminatedQuoteLine, null, 'unterminatedQuote'));
	}
	return result;
}
