import fs from 'node:fs';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { isLocale } from '../../i18n/messages';
import {
	amlCsv,
	amlTrainingTable,
	amlWorkbook,
	closeReportWorkers,
	parseAmlFilters
} from '../reports/service';
import { SYSTEM_ACTOR } from '../roster/service';
import { closeApp, openApp } from './open-app';
import { reportDomainError } from './output';

export const AML_USAGE =
	'report aml-training --year YYYY [--quarter 1-4] [--format csv|xlsx] [--preparer 姓名] [--lang zh-CN|en] [--out file]';

function usageError(message: string): number {
	console.error(`${message}\nUsage: npm run cli -- ${AML_USAGE}`);
	return 2;
}

/**
 * `report aml-training`: the People's Bank AML training table for a year or quarter. A CSV goes
 * to stdout without --out; a workbook to its Chinese file name in the current folder.
 */
export async function runAmlReport(args: string[]): Promise<number> {
	let values;
	try {
		values = parseArgs({
			args,
			allowPositionals: true,
			options: {
				year: { type: 'string' },
				quarter: { type: 'string' },
				format: { type: 'string' },
				preparer: { type: 'string' },
				lang: { type: 'string' },
				out: { type: 'string' }
			}
		}).values;
	} catch (e) {
		return usageError(e instanceof Error ? e.message : String(e));
	}
	const { year, quarter, preparer, lang = 'zh-CN', format = 'csv' } = values;
	const filters = parseAmlFilters(year ?? null, quarter ?? null);
	if (!filters) return usageError('Give --year YYYY and, optionally, --quarter 1-4.');
	if (format !== 'csv' && format !== 'xlsx') return usageError(`Unknown format ${format}.`);
	if (!isLocale(lang)) return usageError(`Unknown language ${lang}.`);
	const ctx = await openApp();
	let out = values.out;
	try {
		const table = await amlTrainingTable(ctx, SYSTEM_ACTOR, filters, lang, preparer);
		const file = format === 'xlsx' ? amlWorkbook(table, lang) : amlCsv(table, lang);
		if (format === 'xlsx') out ??= file.fileName;
		const sink = out ? fs.createWriteStream(out) : process.stdout;
		await file.body.pipeTo(Writable.toWeb(sink) as WritableStream<Uint8Array>, {
			preventClose: !out
		});
		if (out) console.error(`Wrote ${table.rows.length} rows to ${out}.`);
		return 0;
	} catch (e) {
		if (reportDomainError(e)) return 1;
		throw e;
	} finally {
		await closeReportWorkers();
		await closeApp(ctx);
	}
}
