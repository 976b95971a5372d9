/**
 * The pass-rate grid as a workbook that keeps the grid's layout: branches down, months across,
 * the office total row and column. Three sheets of the same shape: the rates (percent numbers,
 * cells below the threshold shaded and marked ▼ by their number format, so the mark survives
 * printing in black and white), then the passed and sat counts each rate is made of.
 */
import type { Style } from 'exceljs';
import { translate, type Locale, type MessageKey } from '../../i18n/messages';
import { formatPercent, NO_RATE, type Rate } from '../../reports/rate';
import { isBelow, type PassRateGrid } from '../../reports/grid';
import type { ReportFilters } from '../../reports/types';
import { formatMonth } from '../../time/format';
import { localFileName, sheetHeading } from './download';
import type { Download } from './workbooks';
import { addHeading, streamWorkbook, type WorkbookWriter } from './xlsx';
import { displayWidth, STYLE, type XlsxValue } from './xlsx-cells';

const BELOW: Partial<Style> = {
	numFmt: '"▼ "0.0%',
	fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF8D7DA' } },
	font: { color: { argb: 'FF9C0006' } }
};
const TOTAL_TEXT: Partial<Style> = { font: { bold: true } };
const TOTAL_PERCENT: Partial<Style> = { numFmt: '0.0%', font: { bold: true } };
const TOTAL_INT: Partial<Style> = { numFmt: '0', font: { bold: true } };

type Pick = (r: Rate) => XlsxValue;
type Styler = (r: Rate, total: boolean) => Partial<Style>;

function writeGridSheet(
	wb: WorkbookWriter,
	grid: PassRateGrid,
	name: string,
	caption: string,
	locale: Locale,
	pick: Pick,
	style: Styler
): void {
	const t = (key: MessageKey): string => translate(locale, key);
	const headers = [
		translate(locale, 'reports.col.branchCode'),
		translate(locale, 'reports.col.branchName'),
		...grid.months.map((m) => formatMonth(locale, m)),
		t('exports.grid.total')
	];
	const nameWidth = Math.max(10, ...grid.rows.map((r) => displayWidth(r.branchName)));
	const widths = headers.map((h, i) =>
		i === 1 ? nameWidth + 2 : Math.max(9, displayWidth(h) + 3)
	);
	const ws = addHeading(wb, { name, caption }, headers, widths);
	const add = (code: string, label: string, cells: Rate[], total: Rate, isTotal: boolean): void => {
		const row = ws.addRow([code, label, ...cells.map(pick), pick(total)]);
		row.getCell(1).style = isTotal ? TOTAL_TEXT : STYLE.code;
		row.getCell(2).style = isTotal ? TOTAL_TEXT : STYLE.text;
		cells.forEach((c, i) => (row.getCell(i + 3).style = style(c, isTotal)));
		row.getCell(cells.length + 3).style = style(total, true);
		row.commit();
	};
	for (const r of grid.rows) add(r.branchCode, r.branchName, r.cells, r.total, false);
	add('', t('exports.grid.office'), grid.office.cells, grid.office.total, true);
	ws.autoFilter = {
		from: { row: 2, column: 1 },
		to: { row: grid.rows.length + 2, column: headers.length }
	};
	ws.commit();
}

/** The grid's workbook, its title rows stamped with the filters, threshold and `now`. */
export function gridWorkbook(
	grid: PassRateGrid,
	filters: ReportFilters,
	csvName: string,
	now: number,
	locale: Locale
): Download {
	const title = translate(locale, 'exports.grid.title');
	const pct = formatPercent(locale, grid.threshold);
	const extra = [translate(locale, 'exports.grid.thresholdCaption', { pct })];
	const { caption } = sheetHeading(title, filters, now, locale, extra);
	const rateValue: Pick = (r) => r.value ?? NO_RATE;
	const rateStyle: Styler = (r, total) =>
		isBelow(r, grid.threshold) ? BELOW : total ? TOTAL_PERCENT : STYLE.percent;
	const intStyle: Styler = (_r, total) => (total ? TOTAL_INT : STYLE.int);
	const body = streamWorkbook(async (wb) => {
		const sheet = (key: MessageKey): string => translate(locale, key);
		writeGridSheet(
			wb,
			grid,
			sheet('exports.grid.sheetRate'),
			caption,
			locale,
			rateValue,
			rateStyle
		);
		writeGridSheet(
			wb,
			grid,
			sheet('exports.grid.sheetPassed'),
			caption,
			locale,
			(r) => r.num,
			intStyle
		);
		writeGridSheet(
			wb,
			grid,
			sheet('exports.grid.sheetSat'),
			caption,
			locale,
			(r) => r.den,
			intStyle
		);
		return Promise.resolve();
	});
	return {
		body,
		fileName: localFileName({ title, filters }, 'xlsx', locale),
		asciiName: csvName.replace(/^pass-rates/, 'pass-rate-grid').replace(/\.csv$/, '.xlsx')
	};
}
