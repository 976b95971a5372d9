/**
 * Report CSV for Excel on a Chinese Windows desktop: UTF-8 with a BOM (else Excel reads GBK and
 * the headers turn to mojibake), CRLF, translated headers, every formula-like cell defused.
 *
 * Rates: the value with 4 decimals ("0.6667"), or "—" when the denominator is 0, followed by two
 * count columns (numerator, denominator) so a reader can re-derive or re-aggregate it.
 *
 * Codes and employee numbers are written verbatim as text. CSV has no types: opening the file by
 * double-click lets Excel turn "00123" into 123. Every workaround is worse (="00123" is a formula,
 * which we refuse to emit; a leading ' or tab shows up as data and breaks re-import), so leading
 * zeros survive only through Data → From Text/CSV with the column set to Text. Documented.
 */
import { setImmediate } from 'node:timers/promises';
import { isMessageKey, translate, type Locale } from '../../i18n/messages';
import { NO_RATE, rateCsvValue } from '../../reports/rate';
import type { Cell, ReportColumn, ReportResult } from '../../reports/types';
import { csvLines, defuseFormula } from '../files/service';

const BOM = '\uFEFF';
// Small enough that encoding one chunk holds the thread for about a millisecond.
const CHUNK_ROWS = 250;

type Row = Record<string, Cell>;

function label(key: string, locale: Locale, params?: Record<string, string>): string {
	// Labels are message keys by contract; an unknown one is printed as is rather than failing.
	return translate(locale, key as Parameters<typeof translate>[1], params);
}

/** The header line: rate columns expand to value, numerator and denominator. */
export function csvHeader(columns: readonly ReportColumn[], locale: Locale): string[] {
	return columns.flatMap((c) => {
		const name = label(c.label, locale);
		if (c.kind !== 'rate') return [name];
		return [
			name,
			label('reports.col.count', locale, { label: name }),
			label('reports.col.countDen', locale, { label: name })
		];
	});
}

function text(cell: Cell): string {
	if (cell === null) return '';
	if (typeof cell === 'object') return rateCsvValue(cell);
	return String(cell);
}

type CellWriter = (cell: Cell, out: string[]) => void;

/** How one column is written; labels are looked up once per export, not once per cell. */
function cellWriter(c: ReportColumn, locale: Locale): CellWriter {
	switch (c.kind) {
		case 'flag': {
			const yes = label('reports.value.yes', locale);
			const no = label('reports.value.no', locale);
			return (cell, out) => void out.push(cell === null ? '' : cell ? yes : no);
		}
		case 'enum': {
			const words = new Map<string, string>();
			return (cell, out) => {
				const code = text(cell);
				let word = words.get(code);
				if (word === undefined) {
					const key = `reports.value.${code}`;
					word = cell !== null && isMessageKey(key) ? label(key, locale) : defuseFormula(code);
					words.set(code, word);
				}
				out.push(word);
			};
		}
		case 'rate':
			return (cell, out) => {
				if (cell === null || typeof cell !== 'object') out.push(NO_RATE, '', '');
				else out.push(text(cell), String(cell.num), String(cell.den));
			};
		default:
			return (cell, out) => void out.push(defuseFormula(text(cell)));
	}
}

/** Writes report rows as CSV cells, in column order, with codes and flags in words. */
export function rowWriter(
	columns: readonly ReportColumn[],
	locale: Locale = 'zh-CN'
): (row: Row) => string[] {
	const writers = columns.map((c) => ({ key: c.key, write: cellWriter(c, locale) }));
	return (row) => {
		const out: string[] = [];
		for (const w of writers) w.write(row[w.key] ?? null, out);
		return out;
	};
}

/** One report row as CSV cells (see rowWriter; for a single row). */
export function csvCells(
	row: Row,
	columns: readonly ReportColumn[],
	locale: Locale = 'zh-CN'
): string[] {
	return rowWriter(columns, locale)(row);
}

type RowSource = Iterable<Row> | AsyncIterable<Row>;

function rowIterator(source: RowSource): Iterator<Row> | AsyncIterator<Row> {
	return Symbol.asyncIterator in source
		? source[Symbol.asyncIterator]()
		: (source as Iterable<Row>)[Symbol.iterator]();
}

/**
 * A report, or any sync or async iterable of rows (exports too big to hold, rows arriving from the
 * report worker), as a stream of CSV bytes encoded a few hundred rows at a time as the consumer
 * pulls: memory stays flat however many rows.
 *
 * After each chunk the stream yields to the event loop. Web stream pulls chain as microtasks, and
 * a fast consumer (a local socket that never pushes back) would otherwise encode the whole export
 * in one go while every examinee's answer save waits behind it.
 */
export function streamReportCsv(
	source: ReportResult | RowSource,
	columns: readonly ReportColumn[],
	locale: Locale = 'zh-CN'
): ReadableStream<Uint8Array> {
	const rows: RowSource = 'rows' in source && 'columns' in source ? source.rows : source;
	const encoder = new TextEncoder();
	let iterator: Iterator<Row> | AsyncIterator<Row> | null = null;
	const write = rowWriter(columns, locale);
	return new ReadableStream<Uint8Array>({
		start(controller) {
			controller.enqueue(encoder.encode(BOM + csvLines([csvHeader(columns, locale)])));
		},
		async pull(controller) {
			iterator ??= rowIterator(rows);
			const chunk: string[][] = [];
			let done = false;
			while (chunk.length < CHUNK_ROWS) {
				const pending = iterator.next();
				const next = pending instanceof Promise ? await pending : pending;
				if (next.done) {
					done = true;
					break;
				}
				chunk.push(write(next.value));
			}
			if (chunk.length > 0) controller.enqueue(encoder.encode(csvLines(chunk)));
			if (done) controller.close();
			else await setImmediate();
		},
		async cancel() {
			await iterator?.return?.();
		}
	});
}

/** Suggested file name: pass-rates-2026-01_2026-11.csv (plus the branch when one is selected). */
export function reportFileName(result: Pick<ReportResult, 'filters'> & { name: string }): string {
	const { from, to, branchCode } = result.filters;
	const branch = branchCode ? `-${branchCode.replace(/[^\w-]/g, '_')}` : '';
	return `${result.name}${branch}-${from}_${to}.csv`;
}
