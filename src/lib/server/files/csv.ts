import Papa from 'papaparse';
import { runSteps, type Steps } from '../steps';

export interface CsvRow {
	/** 1-based line where the record starts; a quoted field may run over several lines. */
	line: number;
	cells: string[];
}

export interface CsvResult {
	rows: CsvRow[];
	/** Line of a quote that never closes: everything from there on is unreadable. */
	unterminatedQuoteLine: number | null;
}

/**
 * Splits CSV text into records, remembering the line each record starts on, so a problem can
 * name the line the user sees in a text editor. Blank lines are skipped but still counted.
 */
export function parseCsv(text: string): CsvResult {
	return runSteps(parseCsvSteps(text));
}

/** Records parsed between two turns of the event loop when a job paces the work. */
export const PARSE_CHUNK = 5000;

/** `parseCsv` in steps: pauses the parser every PARSE_CHUNK records, yielding records so far. */
export function* parseCsvSteps(text: string): Steps<CsvResult, number> {
	// One newline convention, so offsets map to lines and a file mixing CRLF and LF still parses.
	const normalised = text.replace(/\r\n?/g, '\n');
	const rows: CsvRow[] = [];
	let unterminatedQuoteLine: number | null = null;
	let start = 0;
	let line = 1;
	let seen = 0;
	let paused: Papa.Parser | null = null;
	let complete = false;
	// After a resume Papa parses the rest of the text as new input: its cursor starts again at 0.
	let offset = 0;
	Papa.parse<string[]>(normalised, {
		newline: '\n',
		delimitersToGuess: [',', '\t'],
		step: (result, parser) => {
			const end = offset + result.meta.cursor;
			if (result.errors.some((e) => e.code === 'MissingQuotes')) {
				unterminatedQuoteLine ??= line;
			} else if (result.data.some((cell) => cell.trim() !== '')) {
				rows.push({ line, cells: result.data });
			}
			line += countNewlines(normalised, start, end);
			start = end;
			if (++seen % PARSE_CHUNK === 0) {
				paused = parser;
				parser.pause();
			}
		},
		complete: () => {
			complete = true;
		}
	});
	// Papa parses a string synchronously; pause() returns from parse() and resume() goes on.
	while (!complete && paused) {
		yield rows.length;
		const parser: Papa.Parser = paused;
		paused = null;
		offset = start;
		parser.resume();
	}
	return { rows, unterminatedQuoteLine };
}

function countNewlines(text: string, from: number, to: number): number {
	let count = 0;
	for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) {
		count++;
	}
	return count;
}

// Excel runs a cell starting with these as a formula; a leading ' makes it plain text.
const FORMULA_START = /^[=+\-@\t\r]/;

/** Defuses a cell that a spreadsheet would otherwise evaluate (for every CSV we write). */
export function defuseFormula(cell: string): string {
	return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

// Quoted as papaparse's unparse quotes (a comma, quote, CR, LF or BOM inside, a space at either
// end), written here because report exports run it for every row on the request thread:
// papaparse's general writer cost 3.5% of that thread while HR looped an export during saves.
const NEEDS_QUOTES = /[",\r\n\uFEFF]|^ | $/;

function field(cell: string): string {
	return NEEDS_QUOTES.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** Rows of cells as CRLF-terminated CSV lines, for every CSV we write (cells already defused). */
export function csvLines(rows: readonly (readonly string[])[]): string {
	let out = '';
	for (const row of rows) out += row.map(field).join(',') + '\r\n';
	return out;
}
