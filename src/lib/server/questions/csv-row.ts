import type { CsvRow } from '../files/csv';
import type { HeaderMatch } from '../files/columns';
import { csvColumnLabel, type CsvField } from './csv-columns';
import { checkChoice, checkFillBlank, checkTrueFalse, readOptions } from './csv-answer';
import { parseDifficulty, parseQuestionType, parseTags } from './csv-values';
import { importError, type ErrorName } from './problems';
import type { ImportProblem, QuestionDraft } from './types';

export type CsvColumns = HeaderMatch<CsvField>;

/** What a row checker needs to name a problem and read a cell. */
export interface RowReader {
	line: number;
	/** Trimmed cell text; '' when the file has no such column. */
	cell(field: CsvField): string;
	/** The column as the file wrote it, or its label when the file lacks it. */
	column(field: CsvField): string;
	report(field: CsvField | null, name: ErrorName, params?: Record<string, string | number>): void;
}

/**
 * Checks one data row on its own and turns it into a draft; null when anything is wrong, so
 * a question is never stored half-read. Rules across rows (duplicate 编号) are the caller's.
 */
export function readQuestionRow(
	row: CsvRow,
	columns: CsvColumns,
	defaultBank: string | null
): { draft: QuestionDraft | null; problems: ImportProblem[] } {
	const problems: ImportProblem[] = [];
	const reader: RowReader = {
		line: row.line,
		cell: (field) => {
			const i = columns.index[field];
			return i === undefined ? '' : (row.cells[i] ?? '').trim();
		},
		column: (field) => columns.header[field] ?? csvColumnLabel(field),
		report: (field, name, params = {}) =>
			problems.push(importError(row.line, field ? reader.column(field) : null, name, params))
	};
	const { cell, report } = reader;

	// An unquoted comma in a stem shifts every later cell: say so rather than misread the row.
	if (row.cells.slice(columns.width).some((c) => c.trim() !== '')) {
		report(null, 'extraCells', { count: row.cells.length, width: columns.width });
	}
	const bank = cell('bank') || defaultBank || '';
	if (!bank) report('bank', 'missingBank');
	const typeText = cell('type');
	const type = parseQuestionType(typeText);
	if (!typeText) report('type', 'missingType');
	else if (!type) report('type', 'unknownType', { value: typeText });
	const stem = cell('stem');
	if (!stem) report('stem', 'emptyStem');
	const difficulty = parseDifficulty(cell('difficulty'));
	if (difficulty === null) report('difficulty', 'badDifficulty', { value: cell('difficulty') });

	const options = readOptions(reader);
	type AnswerPart = Pick<QuestionDraft, 'options' | 'correctBoolean' | 'acceptedAnswers'>;
	const answer: AnswerPart = { options: [], correctBoolean: null, acceptedAnswers: [] };
	if (type === 'single' || type === 'multiple') {
		checkChoice(reader, type, options);
		answer.options = options.drafts;
	} else if (type === 'true_false') answer.correctBoolean = checkTrueFalse(reader, options);
	else if (type === 'fill_blank') answer.acceptedAnswers = checkFillBlank(reader, options);

	if (problems.length > 0 || !type || difficulty === null) return { draft: null, problems };
	return {
		draft: {
			line: row.line,
			externalId: cell('external_id') || null,
			bank,
			category: cell('category') || null,
			type,
			format: 'markdown',
			stem,
			...answer,
			explanation: cell('explanation'),
			difficulty,
			tags: parseTags(cell('tags')),
			competency: cell('competency') || null
		},
		problems
	};
}
