/**
 * The AML training table as the regulator's file, CSV or workbook, in the same order: the title,
 * the header fields (年度, 填报单位机构代码, 零报告标志, 制表人, 填报日期) one per line, then the
 * table. The CSV is like every report CSV (BOM, CRLF, formula-like cells defused).
 */
import { translate, type Locale, type MessageKey } from '../../i18n/messages';
import { csvLines, defuseFormula } from '../files/service';
import type { AmlTable } from './aml';
import type { Download } from './workbooks';
import { addHeading, streamWorkbook } from './xlsx';
import { displayWidth, excelDate, STYLE } from './xlsx-cells';

const COLUMNS: MessageKey[] = [
	'exports.aml.col.time',
	'exports.aml.col.content',
	'exports.aml.col.audience',
	'exports.aml.col.attendees',
	'exports.aml.col.method'
];

function period(table: AmlTable, locale: Locale): string {
	const { year, quarter } = table.filters;
	return quarter === null
		? String(year)
		: `${year} ${translate(locale, 'exports.aml.quarterN', { n: quarter })}`;
}

function fields(table: AmlTable, locale: Locale): [string, string][] {
	const t = (key: MessageKey): string => translate(locale, key);
	return [
		[t('exports.aml.year'), period(table, locale)],
		[t('exports.aml.institutionCode'), table.institutionCode],
		[t('exports.aml.zeroReport'), t(table.zeroReport ? 'reports.value.yes' : 'reports.value.no')],
		[t('exports.aml.preparer'), table.preparer],
		[t('exports.aml.filedOn'), table.filedOn]
	];
}

function names(
	table: AmlTable,
	ext: string,
	locale: Locale
): { fileName: string; asciiName: string } {
	const { year, quarter } = table.filters;
	const q = quarter === null ? '' : `Q${quarter}`;
	return {
		fileName: `${translate(locale, 'exports.aml.name')}_${year}${q}.${ext}`,
		asciiName: `aml-training-${year}${q ? `-${q}` : ''}.${ext}`
	};
}

/** The table as the regulator's CSV. */
export function amlCsv(table: AmlTable, locale: Locale): Download {
	const t = (key: MessageKey): string => translate(locale, key);
	const lines: string[][] = [
		[t('exports.aml.title')],
		...fields(table, locale).map(([k, v]) => [k, defuseFormula(v)]),
		COLUMNS.map(t),
		...table.rows.map((r) => [
			r.time,
			defuseFormula(r.content),
			defuseFormula(r.audience),
			String(r.attendees),
			t(`exports.aml.method.${r.method}`)
		])
	];
	const text = '\uFEFF' + csvLines(lines);
	const bytes = new TextEncoder().encode(text);
	return {
		body: new ReadableStream({
			start(c) {
				c.enqueue(bytes);
				c.close();
			}
		}),
		...names(table, 'csv', locale)
	};
}

/** The table as the regulator's workbook: header fields above, the table frozen under them. */
export function amlWorkbook(table: AmlTable, locale: Locale): Download {
	const t = (key: MessageKey): string => translate(locale, key);
	const head = fields(table, locale);
	const widths = [
		Math.max(
			12,
			...table.rows.map((r) => displayWidth(r.time)),
			...head.map(([k]) => displayWidth(k))
		) + 2,
		Math.max(24, ...table.rows.map((r) => displayWidth(r.content))) + 2,
		Math.max(16, ...table.rows.map((r) => Math.min(60, displayWidth(r.audience)))) + 2,
		10,
		12
	];
	const body = streamWorkbook(async (wb) => {
		// Title, the header fields, then the table's header row: frozen under it.
		const headerRow = head.length + 2;
		const heading = { name: t('exports.aml.name'), caption: t('exports.aml.title') };
		const ws = addHeading(wb, heading, [], widths, headerRow);
		for (const [k, v] of head) {
			const row = ws.addRow([k, v]);
			row.getCell(1).style = { font: { bold: true } };
			row.getCell(2).style = STYLE.code;
			row.commit();
		}
		const header = ws.addRow(COLUMNS.map(t));
		header.eachCell(
			(c) => (c.style = { font: { bold: true }, border: { bottom: { style: 'thin' } } })
		);
		header.commit();
		for (const r of table.rows) {
			const day = excelDate(r.time);
			const row = ws.addRow([
				day ?? r.time,
				r.content,
				r.audience,
				r.attendees,
				t(`exports.aml.method.${r.method}`)
			]);
			row.getCell(1).style = day ? STYLE.day : STYLE.text;
			row.getCell(4).style = STYLE.int;
			row.commit();
		}
		ws.autoFilter = {
			from: { row: headerRow, column: 1 },
			to: { row: headerRow + table.rows.length, column: COLUMNS.length }
		};
		ws.commit();
		return Promise.resolve();
	});
	return { body, ...names(table, 'xlsx', locale) };
}
