import Papa from 'papaparse';

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
	// One newline convention, so offsets map to lines and a file mixing CRLF and LF still parses.
	const normalised = text.replace(/\r\n?/g, '\n');
	const rows: CsvRow[] = [];
	let unterminatedQuoteLine: number | null = null;
	let start = 0;
	let line = 1;
	Papa.parse<string[]>(normalised, {
		newline: '\n',
		delimitersToGuess: [',', '\t'],
		step: (result) => {
			const end = result.meta.cursor;
			if (result.errors.some((e) => e.code === 'MissingQuotes')) {
				unterminatedQuoteLine ??= line;
			} else if (result.data.some((cell) => cell.trim() !== '')) {
				rows.push({ line, cells: result.data });
			}
			line += countNewlines(normalised, start, end);
			start = end;
		}
	});
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
