import fs from 'node:fs';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { isLocale, LOCALES } from '../../i18n/messages';
import { isReportName, REPORT_NAMES } from '../../reports/types';
import { officeDay } from '../../time/office';
import {
	closeReportWorkers,
	exportResults,
	GROUP_BYS,
	isMonth,
	parseReportFilters,
	parseResultsFilters,
	reportFileName,
	reportWorkbook,
	resultsWorkbook,
	RESULT_PURPOSES,
	runReport,
	streamReportCsv
} from '../reports/service';
import { SYSTEM_ACTOR } from '../roster/service';
import type { Command } from './commands';
import { closeApp, openApp } from './open-app';
import { reportDomainError } from './output';
import { AML_USAGE, runAmlReport } from './report-aml';

// `results` (exam results detail) is not a ReportName: it streams from the report worker.
const USAGE = `${AML_USAGE}\n       report <${[...REPORT_NAMES, 'results'].join('|')}> [--from YYYY-MM] [--to YYYY-MM] [--branch CODE] [--position 岗位] [--group-by ${GROUP_BYS.join('|')}] [--purpose ${RESULT_PURPOSES.join('|')} (results)] [--lang ${LOCALES.join('|')}] [--format csv|xlsx] [--out file]`;
const FORMATS = ['csv', 'xlsx'] as const;

function usageError(message: string): number {
	console.error(`${message}\nUsage: npm run cli -- ${USAGE}`);
	return 2;
}

/**
 * `report`: the web export's CSV (Chinese headers, BOM) or workbook, run as the system over the
 * office. A CSV goes to stdout without --out; a workbook (binary) to its Chinese file name here.
 */
export const report: Command = {
	usage: USAGE,
	summary:
		'Write a report as the web exports it: CSV (default, stdout without --out) or an Excel workbook.',
	async run(args) {
		if (args[0] === 'aml-training') return await runAmlReport(args.slice(1));
		let parsed;
		try {
			parsed = parseArgs({
				args,
				allowPositionals: true,
				options: {
					from: { type: 'string' },
					to: { type: 'string' },
					branch: { type: 'string' },
					position: { type: 'string' },
					'group-by': { type: 'string' },
					purpose: { type: 'string' },
					lang: { type: 'string' },
					format: { type: 'string' },
					out: { type: 'string' }
				}
			});
		} catch (e) {
			return usageError(e instanceof Error ? e.message : String(e));
		}
		const [name, ...extra] = parsed.positionals;
		if (!name || extra.length > 0) return usageError('Give exactly one report name.');
		if (!isReportName(name) && name !== 'results') return usageError(`Unknown report ${name}.`);
		const { from, to, branch, position, purpose, lang = 'zh-CN', format = 'csv' } = parsed.values;
		let { out } = parsed.values;
		const groupBy = parsed.values['group-by'];
		// The web falls back to defaults on a bad month; a typed command should say so instead.
		for (const m of [from, to])
			if (m !== undefined && !isMonth(m)) return usageError(`Bad month ${m}.`);
		if (from && to && from > to) return usageError('--from is after --to.');
		if (groupBy !== undefined && !GROUP_BYS.some((g) => g === groupBy))
			return usageError(`Unknown grouping ${groupBy}.`);
		if (
			purpose !== undefined &&
			(name !== 'results' || !RESULT_PURPOSES.some((p) => p === purpose))
		)
			return usageError(`--purpose takes ${RESULT_PURPOSES.join('|')}, for results only.`);
		if (!isLocale(lang)) return usageError(`Unknown language ${lang}.`);
		if (!FORMATS.some((f) => f === format)) return usageError(`Unknown format ${format}.`);
		const params = new URLSearchParams();
		if (from) params.set('from', from);
		if (to) params.set('to', to);
		if (branch) params.set('branch', branch);
		if (position) params.set('position', position);
		if (groupBy) params.set('groupBy', groupBy);
		if (purpose) params.set('purpose', purpose);
		const ctx = await openApp();
		try {
			const now = ctx.clock.now();
			const today = officeDay(now);
			let csv: ReadableStream<Uint8Array>;
			let rows = 0;
			const xlsx = format === 'xlsx';
			if (name === 'results') {
				const results = await exportResults(ctx, SYSTEM_ACTOR, parseResultsFilters(params, today));
				const counting = { ...results, rows: counted(results.rows, () => rows++) };
				if (xlsx) {
					const file = resultsWorkbook(counting, now, lang);
					out ??= file.fileName;
					csv = file.body;
				} else csv = streamReportCsv(counting.rows, results.columns, lang);
			} else {
				const result = await runReport(ctx, SYSTEM_ACTOR, name, parseReportFilters(params, today));
				rows = result.rows.length;
				if (xlsx) {
					const file = reportWorkbook(result, reportFileName(result), now, lang);
					out ??= file.fileName;
					csv = file.body;
				} else csv = streamReportCsv(result, result.columns, lang);
			}
			const sink = out ? fs.createWriteStream(out) : process.stdout;
			await csv.pipeTo(Writable.toWeb(sink) as WritableStream<Uint8Array>, {
				preventClose: !out
			});
			if (out) console.error(`Wrote ${rows} rows to ${out}.`);
			return 0;
		} catch (e) {
			if (reportDomainError(e)) return 1;
			if (e instanceof Error && 'code' in e && typeof e.code === 'string' && out) {
				console.error(`Cannot write ${out}: ${e.message}`);
				return 1;
			}
			throw e;
		} finally {
			// The report worker holds its own connection to the database file: close it with ours.
			await closeReportWorkers();
			await closeApp(ctx);
		}
	}
};

/** `rows` as they stream past, calling `onRow` for each (for the closing line's count). */
async function* counted<T>(rows: AsyncIterable<T>, onRow: () => void): AsyncGenerator<T> {
	for await (const row of rows) {
		onRow();
		yield row;
	}
}
