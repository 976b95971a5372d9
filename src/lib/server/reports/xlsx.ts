/**
 * Report workbooks (.xlsx) beside the CSV, written with exceljs's streaming WorkbookWriter: each
 * row is committed to the zip as it is written, so the results export's million rows pass
 * through a slice of work at a time, as the CSV's do, and the consumer's pace sets the producer's.
 *
 * Every report sheet has the same frame: a title row (report, filters, time of export), the
 * header row frozen under it with an autofilter, then the rows typed by xlsx-cells.ts.
 */
import { Writable } from 'node:stream';
import { setImmediate } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import type { Locale } from '../../i18n/messages';
import type { Cell, ReportColumn, ReportResult } from '../../reports/types';
import { fitWidths, sheetColumns, xlsxRowWriter, type XlsxValue } from './xlsx-cells';

type Row = Record<string, Cell>;
type RowSource = Iterable<Row> | AsyncIterable<Row>;
type Worksheet = ExcelJS.Worksheet;
export type WorkbookWriter = ExcelJS.stream.xlsx.WorkbookWriter;

// Time on the request thread between two looks at the consumer's demand (and a yield to the event
// loop, where requests that came meanwhile run). A count of rows varied with the rows and the
// machine (250 rows took 4 ms at the median, up to 26 ms). An answer save needs a few turns of
// the loop, each behind one slice: at 1,000 saves/s during a download their p99 was 33.5 ms with
// 4 ms slices and 18 ms with 1 ms ones, and the download went faster, not slower.
const SLICE_MS = 1;
// Rows read before the column widths are fixed: widths cannot change once rows are committed.
const SAMPLE_ROWS = 200;
// Excel refuses sheet names over 31 characters or with any of these.
const SHEET_NAME_BAD = /[[\]:*?/\\]/g;

export const TITLE_STYLE: Partial<ExcelJS.Style> = { font: { bold: true, size: 12 } };
export const HEADER_STYLE: Partial<ExcelJS.Style> = {
	font: { bold: true },
	fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7EEF7' } },
	alignment: { vertical: 'middle' },
	border: { bottom: { style: 'thin' } }
};

/** What the title row says and what the sheet is called. */
export interface SheetHeading {
	/** The sheet's name (the report's title), cut to Excel's limits. */
	name: string;
	/** The title row: the report, its filters and the time of export. */
	caption: string;
}

export function sheetName(name: string): string {
	return name.replace(SHEET_NAME_BAD, '_').slice(0, 31) || 'Sheet1';
}

/** Lets the producer wait while the download is behind. */
export interface Demand {
	/** Resolves when the consumer wants more bytes (at once when it already does). */
	wanted(): Promise<void>;
	readonly cancelled: boolean;
}

/**
 * A workbook as a stream of bytes: `build` adds sheets and rows to the writer, awaiting
 * `demand.wanted()` between chunks; the stream ends when the workbook is committed.
 */
export function streamWorkbook(
	build: (wb: WorkbookWriter, demand: Demand) => Promise<void>
): ReadableStream<Uint8Array> {
	let wake: (() => void) | null = null;
	let cancelled = false;
	let stream: ReadableStreamDefaultController<Uint8Array> | null = null;
	const demand: Demand = {
		get cancelled() {
			return cancelled;
		},
		async wanted() {
			await setImmediate();
			while (!cancelled && stream && (stream.desiredSize ?? 1) <= 0) {
				await new Promise<void>((resolve) => (wake = resolve));
			}
		}
	};
	return new ReadableStream<Uint8Array>(
		{
			start(controller) {
				stream = controller;
				const sink = new Writable({
					write(chunk: Buffer, _encoding, done) {
						if (!cancelled) controller.enqueue(new Uint8Array(chunk));
						done();
					}
				});
				const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
					stream: sink,
					useStyles: true,
					// Inline strings: a shared-strings table would grow with every distinct name.
					useSharedStrings: false
				});
				build(wb, demand)
					.then(() => wb.commit())
					.then(
						() => !cancelled && controller.close(),
						(e: unknown) => !cancelled && controller.error(e)
					);
			},
			pull() {
				wake?.();
				wake = null;
			},
			cancel() {
				cancelled = true;
				wake?.();
			}
		},
		new CountQueuingStrategy({ highWaterMark: 16 })
	);
}

/**
 * The title row (merged across the columns) and the header row under it, frozen; a sheet with
 * rows between the two (the AML table's header fields) passes no headers and its own `ySplit`.
 */
export function addHeading(
	wb: WorkbookWriter,
	heading: SheetHeading,
	headers: readonly string[],
	widths: readonly number[],
	ySplit = 2
): Worksheet {
	const ws = wb.addWorksheet(sheetName(heading.name), {
		views: [{ state: 'frozen', xSplit: 0, ySplit }]
	});
	ws.columns = widths.map((width) => ({ width }));
	const title = ws.getRow(1);
	title.getCell(1).value = heading.caption;
	title.getCell(1).style = TITLE_STYLE;
	title.height = 22;
	if (widths.length > 1) ws.mergeCells(1, 1, 1, widths.length);
	title.commit();
	if (headers.length === 0) return ws;
	const header = ws.getRow(2);
	headers.forEach((h, i) => {
		const cell = header.getCell(i + 1);
		cell.value = h;
		cell.style = HEADER_STYLE;
	});
	header.commit();
	return ws;
}

/** Work on the event loop cut into slices of SLICE_MS, with a wait for the consumer between. */
function timeSlice(demand: Demand): { due(): boolean; yield(): Promise<void> } {
	let start = performance.now();
	return {
		due: () => performance.now() - start >= SLICE_MS,
		async yield() {
			await demand.wanted();
			start = performance.now();
		}
	};
}

function rowIterator(source: RowSource): Iterator<Row> | AsyncIterator<Row> {
	return Symbol.asyncIterator in source
		? source[Symbol.asyncIterator]()
		: (source as Iterable<Row>)[Symbol.iterator]();
}

/** Adds the report sheet: title, frozen and filtered header, typed rows pulled from `source`. */
export async function writeReportSheet(
	wb: WorkbookWriter,
	demand: Demand,
	source: RowSource,
	columns: readonly ReportColumn[],
	heading: SheetHeading,
	locale: Locale
): Promise<number> {
	const sheetCols = sheetColumns(columns, locale);
	const write = xlsxRowWriter(columns, locale);
	const iterator = rowIterator(source);
	const next = async (): Promise<Row | null> => {
		const pending = iterator.next();
		const r = pending instanceof Promise ? await pending : pending;
		return r.done ? null : r.value;
	};
	// The first rows run exceljs's code cold (40 ms and more before any of it is compiled), so the
	// sample is sliced too, not only the rows after it.
	const slice = timeSlice(demand);
	try {
		const sample: ReturnType<typeof write>[] = [];
		let more = true;
		while (more && sample.length < SAMPLE_ROWS) {
			const row = await next();
			if (row) sample.push(write(row));
			else more = false;
			if (slice.due()) await slice.yield();
		}
		const widths = fitWidths(
			sheetCols,
			sample.map((s) => s.values)
		);
		const ws = addHeading(
			wb,
			heading,
			sheetCols.map((c) => c.header),
			widths
		);
		let count = 0;
		const add = (values: XlsxValue[], styles: Partial<ExcelJS.Style>[]): void => {
			const r = ws.addRow(values);
			for (let i = 0; i < styles.length; i++) r.getCell(i + 1).style = styles[i]!;
			r.commit();
			count++;
		};
		for (const s of sample) {
			add(s.values, s.styles);
			if (slice.due()) await slice.yield();
		}
		if (more) {
			for (let row = await next(); row && !demand.cancelled; row = await next()) {
				const { values, styles } = write(row);
				add(values, styles);
				if (slice.due()) await slice.yield();
			}
		}
		ws.autoFilter = {
			from: { row: 2, column: 1 },
			to: { row: count + 2, column: Math.max(sheetCols.length, 1) }
		};
		ws.commit();
		return count;
	} finally {
		if (demand.cancelled) await iterator.return?.();
	}
}

/**
 * A report, or any sync or async iterable of rows (the results export, streamed from the report
 * worker), as the bytes of a one-sheet workbook.
 */
export function streamReportXlsx(
	source: ReportResult | RowSource,
	columns: readonly ReportColumn[],
	heading: SheetHeading,
	locale: Locale = 'zh-CN',
	onRows?: (count: number) => void
): ReadableStream<Uint8Array> {
	const rows: RowSource = 'rows' in source && 'columns' in source ? source.rows : source;
	return streamWorkbook(async (wb, demand) => {
		const count = await writeReportSheet(wb, demand, rows, columns, heading, locale);
		onRows?.(count);
	});
}
