/**
 * Report cells as Excel cells: what the CSV writes as text, a workbook writes with a type.
 *
 * - codes and employee numbers are strings with the Text format ('@'), so "00123" stays "00123";
 * - a rate is a number with a percent format, beside its numerator and denominator as integers
 *   (a rate nobody is counted in is "—", as on the page);
 * - an office day ('YYYY-MM-DD') or minute ('YYYY-MM-DD HH:mm') is a real Excel date. Excel dates
 *   have no zone: the serial is the Beijing wall clock the SQL already gave, read as UTC;
 * - every other text is a string cell. A string cell is never a formula, whatever it starts with
 *   (= + - @): the workbook holds no <f> element, so nothing is defused or altered.
 */
import type { Style } from 'exceljs';
import { isMessageKey, translate, type Locale } from '../../i18n/messages';
import { NO_RATE } from '../../reports/rate';
import type { Cell, ReportColumn } from '../../reports/types';
import { csvHeader } from './csv';

export type XlsxValue = string | number | Date | null;
type Row = Record<string, Cell>;

/** One column of the sheet: a report column is one, a rate three (value, numerator, denominator). */
export interface SheetColumn {
	header: string;
	style: Partial<Style>;
	/** Characters a typical value takes, for the column width before any row is seen. */
	minWidth: number;
}

// One style object per kind: exceljs caches a style's id by object, so sharing them keeps a
// million-row export from serialising a style per cell.
export const STYLE = {
	text: {} as Partial<Style>,
	code: { numFmt: '@' } as Partial<Style>,
	int: { numFmt: '0' } as Partial<Style>,
	hours: { numFmt: '0.0' } as Partial<Style>,
	percent: { numFmt: '0.0%' } as Partial<Style>,
	day: { numFmt: 'yyyy-mm-dd' } as Partial<Style>,
	minute: { numFmt: 'yyyy-mm-dd hh:mm' } as Partial<Style>,
	// 2026年11月, as the page shows a month; still a real date, so Excel sorts and filters it.
	month: { numFmt: 'yyyy"年"m"月"' } as Partial<Style>
};

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MINUTE = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})$/;

/** An office day or minute text as the Date exceljs writes as that wall clock; else null. */
export function excelDate(text: string): Date | null {
	const m = DAY.exec(text) ?? MINUTE.exec(text);
	if (!m) return null;
	const [y, mo, d, h = '0', mi = '0'] = m.slice(1);
	return new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi)));
}

/** The sheet's columns for `columns`: headers as the CSV names them. */
export function sheetColumns(columns: readonly ReportColumn[], locale: Locale): SheetColumn[] {
	const headers = csvHeader(columns, locale);
	const out: SheetColumn[] = [];
	for (const c of columns) {
		const add = (style: Partial<Style>, minWidth: number): void =>
			void out.push({ header: headers[out.length] ?? '', style, minWidth });
		switch (c.kind) {
			case 'rate':
				add(STYLE.percent, 7);
				add(STYLE.int, 6);
				add(STYLE.int, 6);
				break;
			case 'code':
				add(STYLE.code, 8);
				break;
			case 'int':
				add(STYLE.int, 6);
				break;
			case 'hours':
				add(STYLE.hours, 6);
				break;
			case 'date':
				add(STYLE.day, 16);
				break;
			case 'month':
				add(STYLE.month, 9);
				break;
			default:
				add(STYLE.text, 4);
		}
	}
	return out;
}

type CellWriter = (cell: Cell, out: XlsxValue[], styles: Partial<Style>[]) => void;

function label(key: string, locale: Locale): string {
	return translate(locale, key as Parameters<typeof translate>[1]);
}

function asText(cell: Cell): string | null {
	if (cell === null) return null;
	return typeof cell === 'object' ? null : String(cell);
}

function cellWriter(c: ReportColumn, locale: Locale): CellWriter {
	switch (c.kind) {
		case 'rate':
			return (cell, out, styles) => {
				if (cell === null || typeof cell !== 'object') out.push(NO_RATE, null, null);
				else out.push(cell.value ?? NO_RATE, cell.num, cell.den);
				styles.push(STYLE.percent, STYLE.int, STYLE.int);
			};
		case 'flag': {
			const yes = label('reports.value.yes', locale);
			const no = label('reports.value.no', locale);
			return (cell, out, styles) => {
				out.push(cell === null ? null : cell ? yes : no);
				styles.push(STYLE.text);
			};
		}
		case 'enum': {
			const words = new Map<string, string>();
			return (cell, out, styles) => {
				const code = asText(cell);
				let word = code === null ? null : (words.get(code) ?? null);
				if (code !== null && word === null) {
					const key = `reports.value.${code}`;
					word = isMessageKey(key) ? label(key, locale) : code;
					words.set(code, word);
				}
				out.push(word);
				styles.push(STYLE.text);
			};
		}
		case 'int':
		case 'hours': {
			const style = c.kind === 'int' ? STYLE.int : STYLE.hours;
			return (cell, out, styles) => {
				out.push(typeof cell === 'number' ? cell : asText(cell));
				styles.push(style);
			};
		}
		case 'code':
			return (cell, out, styles) => {
				out.push(asText(cell));
				styles.push(STYLE.code);
			};
		case 'date':
			// An office day or minute becomes a date; anything else stays as written.
			return (cell, out, styles) => {
				const text = asText(cell);
				const date = text === null ? null : excelDate(text);
				out.push(date ?? text);
				styles.push(date ? (text!.length > 10 ? STYLE.minute : STYLE.day) : STYLE.text);
			};
		case 'month':
			// An office month 'YYYY-MM' becomes the date of its first day, shown as the month.
			return (cell, out, styles) => {
				const text = asText(cell);
				const date = text !== null && /^\d{4}-\d{2}$/.test(text) ? excelDate(`${text}-01`) : null;
				out.push(date ?? text);
				styles.push(date ? STYLE.month : STYLE.text);
			};
		default:
			return (cell, out, styles) => {
				out.push(asText(cell));
				styles.push(STYLE.text);
			};
	}
}

/** Writes report rows as Excel values (with their styles), in the sheet's column order. */
export function xlsxRowWriter(
	columns: readonly ReportColumn[],
	locale: Locale
): (row: Row) => { values: XlsxValue[]; styles: Partial<Style>[] } {
	const writers = columns.map((c) => ({ key: c.key, write: cellWriter(c, locale) }));
	return (row) => {
		const values: XlsxValue[] = [];
		const styles: Partial<Style>[] = [];
		for (const w of writers) w.write(row[w.key] ?? null, values, styles);
		return { values, styles };
	};
}

/** How wide a text shows: a CJK character takes two columns of Excel's width unit. */
export function displayWidth(value: XlsxValue): number {
	if (value === null) return 0;
	if (value instanceof Date) return value.getUTCHours() || value.getUTCMinutes() ? 16 : 10;
	if (typeof value === 'number') return Number.isInteger(value) ? String(value).length : 7;
	let width = 0;
	for (const ch of value) width += ch.charCodeAt(0) > 0x2e7f ? 2 : 1;
	return width;
}

/** Column widths that fit the header and the sampled rows, within sensible bounds. */
export function fitWidths(
	columns: readonly SheetColumn[],
	sample: readonly XlsxValue[][]
): number[] {
	return columns.map((c, i) => {
		let width = Math.max(c.minWidth, displayWidth(c.header));
		for (const row of sample) width = Math.max(width, displayWidth(row[i] ?? null));
		// Room for the autofilter button, and no column wider than a screen's share.
		return Math.min(width + 3, 60);
	});
}
