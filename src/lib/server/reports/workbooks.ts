/**
 * Reports and the results export as downloadable workbooks: the bytes, the Chinese file name and
 * its ASCII fallback. The CSV beside them is unchanged (csv.ts).
 */
import { translate, type Locale, type MessageKey } from '../../i18n/messages';
import type { ReportResult } from '../../reports/types';
import { localFileName, sheetHeading } from './download';
import type { ResultsExport } from './results';
import { streamReportXlsx } from './xlsx';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface Download {
	body: ReadableStream<Uint8Array>;
	/** The name people see: 抽考通过率_2026-01至2026-11.xlsx. */
	fileName: string;
	/** The same in ASCII, for clients that ignore filename*. */
	asciiName: string;
}

function title(name: string, locale: Locale): string {
	return translate(locale, `reports.page.name.${name}` as MessageKey);
}

function asciiXlsx(csvName: string): string {
	return csvName.replace(/\.csv$/, '.xlsx');
}

/** A report as a one-sheet workbook, its title row stamped with `now`. */
export function reportWorkbook(
	result: ReportResult,
	csvName: string,
	now: number,
	locale: Locale,
	onRows?: (count: number) => void
): Download {
	const t = title(result.name, locale);
	const heading = sheetHeading(t, result.filters, now, locale);
	return {
		body: streamReportXlsx(result, result.columns, heading, locale, onRows),
		fileName: localFileName({ title: t, filters: result.filters }, 'xlsx', locale),
		asciiName: asciiXlsx(csvName)
	};
}

/** The results export as a workbook, rows streamed from the worker as the consumer pulls. */
export function resultsWorkbook(
	results: ResultsExport,
	now: number,
	locale: Locale,
	onRows?: (count: number) => void
): Download {
	const t = title('results', locale);
	const { purpose } = results.filters;
	const extra = purpose
		? [
				translate(locale, 'exports.caption.purpose', {
					purpose: translate(locale, `reports.value.${purpose}` as MessageKey)
				})
			]
		: [];
	const heading = sheetHeading(t, results.filters, now, locale, extra);
	return {
		body: streamReportXlsx(results.rows, results.columns, heading, locale, onRows),
		fileName: localFileName({ title: t, filters: results.filters }, 'xlsx', locale),
		asciiName: asciiXlsx(results.fileName)
	};
}
