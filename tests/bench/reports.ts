// The report half of `npm run bench`: three years of history (report-data.ts), then the pass-rate
// report against a COUNT(*) over the same attempts, a 1,000,000-row CSV export, and answer saves
// at 1,000 req/s alone, while HR pulls the pass-rate export in a loop, and while HR downloads the
// exam-results workbook.
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { Cell } from '../../src/lib/reports/types';
import { systemClock } from '../../src/lib/server/clock';
import type { AppContext } from '../../src/lib/server/context';
import { closeDatabase } from '../../src/lib/server/db';
import { officeMonthSql } from '../../src/lib/server/db/dialect';
import { openSqlite } from '../../src/lib/server/db/sqlite';
import { streamReportCsv } from '../../src/lib/server/reports/csv';
import { streamReportXlsx } from '../../src/lib/server/reports/xlsx';
import {
	closeReportWorkers,
	rowObjects,
	streamInWorker
} from '../../src/lib/server/reports/worker';
import { col } from '../../src/lib/server/reports/report';
import { countResults, exportResults, resultsToParams } from '../../src/lib/server/reports/results';
import { runReport, runReportAsync } from '../../src/lib/server/reports/service';
import { addMonths } from '../../src/lib/time/days';
import { SYSTEM_ACTOR } from '../../src/lib/server/roster/actor';
import { failedText, startServer, stopServer, type LoadResult, APP_SERVER } from './load';
import { withLoopStats, type LoopStats } from './loop-stats';
import { openLoop } from './open-loop';
import { stallCauseText } from './saves';
import { generateReportData } from './report-data';
import { readAttempts, seedBenchDb, STAFF } from './seed';
import { load } from './load';

const EXPORT_ROWS = 1_000_000;

function median(values: number[]): number {
	return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

async function timed(work: () => unknown): Promise<number> {
	const t = performance.now();
	await work();
	return performance.now() - t;
}

const ms = (n: number): string => `${n.toFixed(n < 1 ? 2 : n < 10 ? 1 : 0)} ms`;

export interface ReportFigures {
	lines: string[];
	failed: number;
}

export async function reportBench(
	dir: string,
	port: number,
	saveRequest: (
		attempts: Awaited<ReturnType<typeof readAttempts>>
	) => () => { path: string; method: 'POST'; headers: Record<string, string>; body: string },
	seconds: number
): Promise<ReportFigures> {
	const lines: string[] = [];
	let failed = 0;
	const total = Number(process.env.BENCH_ATTEMPTS ?? 5_000_000);
	const file = path.join(dir, 'bench-reports.db');
	const seeded = await seedBenchDb(file);
	const gen = await generateReportData(file, STAFF, total);
	lines.push(
		`report data: ${gen.attempts.toLocaleString('en')} attempts (${gen.spotAttempts.toLocaleString('en')} in ${gen.campaigns} monthly spot campaigns), 35 branches, ${STAFF} staff, ${gen.fromMonth}…${gen.toMonth}, generated in ${gen.seconds.toFixed(1)} s`
	);

	// (a) The pass-rate report as HR runs it (three years, every branch, by branch × month), next
	// to the cheapest question one can ask of the same table.
	const database = openSqlite(file, { readonly: true });
	const { db } = database;
	const ctx = { db, clock: systemClock, config: { databasePath: file } } as AppContext;
	const filters = {
		from: gen.fromMonth,
		to: gen.toMonth,
		branchCode: null,
		position: null,
		groupBy: 'branch_month' as const
	};
	const c = database.writer;
	const count = c.prepare('select count(*) as n from attempt');
	const reportTimes3: number[] = [];
	const countTimes: number[] = [];
	for (let i = 0; i < 3; i++) {
		reportTimes3.push(
			await timed(async () => await runReport(ctx, SYSTEM_ACTOR, 'pass-rates', filters))
		);
		countTimes.push(await timed(() => count.get()));
	}
	const report = median(reportTimes3);
	const counted = median(countTimes);
	const rows = (await runReport(ctx, SYSTEM_ACTOR, 'pass-rates', filters)).rows.length;
	lines.push(
		`pass-rate report, branch × month, ${rows} rows  ${ms(report).padStart(8)}  vs SELECT COUNT(*) ${ms(counted)}  = ${(report / counted).toFixed(1)}×  (target ≤ 5×, < 1500 ms; median of 3)`
	);
	// The same report on the report worker: how long the event loop is blocked (what every
	// concurrent request waits) while it runs on this thread vs on the worker.
	await runReportAsync(ctx, SYSTEM_ACTOR, 'pass-rates', filters); // start the worker first
	// The longest gap between ticks of a 1 ms timer while `work` runs: what a request arriving
	// meanwhile would wait. (monitorEventLoopDelay missed a single synchronous block.)
	const stall = async (work: () => unknown): Promise<number> => {
		let last = performance.now();
		let longest = 0;
		const ticker = setInterval(() => {
			const now = performance.now();
			longest = Math.max(longest, now - last);
			last = now;
		}, 1);
		await new Promise((r) => setTimeout(r, 20));
		longest = 0;
		await new Promise((r) => setTimeout(r, 0));
		await work();
		await new Promise((r) => setTimeout(r, 5));
		clearInterval(ticker);
		return longest;
	};
	const onThread = await stall(
		async () => await runReport(ctx, SYSTEM_ACTOR, 'pass-rates', filters)
	);
	const offThread = await stall(() => runReportAsync(ctx, SYSTEM_ACTOR, 'pass-rates', filters));
	lines.push(
		`pass-rate report, longest event-loop stall: on the thread ${ms(onThread)}, via reports/worker.ts ${ms(offThread)}`
	);
	await closeReportWorkers();
	// Attempt pass rate by branch × month over every attempt: from the summary table kept by the
	// submit transaction, and (once) straight from attempt, which is what the table saves.
	const fromSummary = await timed(() =>
		c
			.prepare(
				`select month, branch_id, sum(sat), sum(passed) from attempt_month_summary
				 where month between ? and ? group by month, branch_id`
			)
			.all(gen.fromMonth, gen.toMonth)
	);
	const direct = await timed(() =>
		c
			.prepare(
				`select ${officeMonthSql('a.started_at', 'sqlite')} as month, s.branch_id,
					count(*), sum(a.passed) from attempt a not indexed join staff s on s.id = a.staff_id
				 where a.status = 'submitted' group by 1, 2`
			)
			.all()
	);
	lines.push(
		`attempt pass rate, branch × month (the certification trend's source): attempt_month_summary ${ms(fromSummary)}, scanning attempt ${ms(direct)}`
	);

	// (b) 1,000,000 attempt rows through the report engineer's streamReportCsv to a file.
	const csvFile = path.join(dir, 'export.csv');
	const columns = [
		col('employeeNo', 'code'),
		col('name', 'text'),
		col('branchName', 'text'),
		col('exam', 'text'),
		col('startedAt', 'text'),
		col('percent', 'int'),
		col('passed', 'int')
	];
	const exportSql = `select s.employee_no as employeeNo, s.name, b.name as branchName,
			e.title as exam, a.started_at as startedAt, a.percent, a.passed
		 from attempt a join staff s on s.id = a.staff_id join branch b on b.id = s.branch_id
		 join exam_definition e on e.id = a.exam_id
		 limit ${EXPORT_ROWS}`;
	// Twice: rows read on this thread, then streamed from the report worker (what a web export
	// of this size would use). Each reports its time, peak memory and longest event-loop stall.
	const exportOnce = async (
		label: string,
		source: Iterable<Record<string, Cell>> | AsyncIterable<Record<string, Cell>>,
		expected = Math.min(EXPORT_ROWS, gen.attempts),
		columnsOf = columns
	): Promise<void> => {
		global.gc?.();
		const rssBefore = process.memoryUsage().rss;
		let rssPeak = rssBefore;
		let exportMs = 0;
		const longest = await stall(async () => {
			const sampler = setInterval(() => {
				rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
			}, 20);
			const exportStart = performance.now();
			await pipeline(
				Readable.fromWeb(streamReportCsv(source, columnsOf) as WebReadableStream),
				fs.createWriteStream(csvFile)
			);
			exportMs = performance.now() - exportStart;
			clearInterval(sampler);
		});
		rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
		const csvBytes = fs.statSync(csvFile).size;
		const csvLines = (fs.readFileSync(csvFile, 'utf8').match(/\r\n/g) ?? []).length;
		if (csvLines !== expected + 1) {
			console.error(`export wrote ${csvLines} lines, expected ${expected + 1}`);
			failed++;
		}
		fs.rmSync(csvFile);
		lines.push(
			`CSV export ${label}, ${(csvLines - 1).toLocaleString('en')} rows (${(csvBytes / 1e6).toFixed(0)} MB)  ${(exportMs / 1000).toFixed(1)} s  RSS ${(rssBefore / 2 ** 20).toFixed(0)} MB before, peak ${(rssPeak / 2 ** 20).toFixed(0)} MB (+${((rssPeak - rssBefore) / 2 ** 20).toFixed(0)} MB)  longest event-loop stall ${ms(longest)}`
		);
	};
	await exportOnce(
		'on the thread',
		c.prepare(exportSql).iterate() as Iterable<Record<string, Cell>>
	);
	await exportOnce(
		'via the worker',
		rowObjects<Record<string, Cell>>(
			streamInWorker(file, exportSql),
			columns.map((k) => k.key)
		)
	);
	// The real exam-results export (the web's and the CLI's code path) over the last eight months,
	// about a million attempts.
	const resultsFilters = {
		...filters,
		from: addMonths(`${gen.toMonth}-01`, -7).slice(0, 7),
		purpose: null
	};
	const resultCount = (await countResults(ctx, SYSTEM_ACTOR, resultsFilters)).count;
	const results = await exportResults(ctx, SYSTEM_ACTOR, resultsFilters);
	await exportOnce(
		`exam results ${resultsFilters.from}…${resultsFilters.to}`,
		results.rows,
		resultCount,
		[...results.columns]
	);
	// The same export as an Excel workbook (exceljs's streaming writer), beside the CSV figures.
	{
		const xlsxFile = path.join(dir, 'export.xlsx');
		const xlsx = await exportResults(ctx, SYSTEM_ACTOR, resultsFilters);
		global.gc?.();
		const rssBefore = process.memoryUsage().rss;
		let rssPeak = rssBefore;
		let exportMs = 0;
		let written = 0;
		const heading = { name: '考试成绩明细', caption: '考试成绩明细' };
		const longest = await stall(async () => {
			const sampler = setInterval(() => {
				rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
			}, 20);
			const exportStart = performance.now();
			const body = streamReportXlsx(xlsx.rows, xlsx.columns, heading, 'zh-CN', (n) => {
				written = n;
			});
			await pipeline(Readable.fromWeb(body as WebReadableStream), fs.createWriteStream(xlsxFile));
			exportMs = performance.now() - exportStart;
			clearInterval(sampler);
		});
		rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
		const bytes = fs.statSync(xlsxFile).size;
		fs.rmSync(xlsxFile);
		if (written !== resultCount) {
			console.error(`xlsx export wrote ${written} rows, expected ${resultCount}`);
			failed++;
		}
		lines.push(
			`XLSX export exam results ${resultsFilters.from}…${resultsFilters.to}, ${written.toLocaleString('en')} rows (${(bytes / 1e6).toFixed(0)} MB)  ${(exportMs / 1000).toFixed(1)} s  RSS ${(rssBefore / 2 ** 20).toFixed(0)} MB before, peak ${(rssPeak / 2 ** 20).toFixed(0)} MB (+${((rssPeak - rssBefore) / 2 ** 20).toFixed(0)} MB)  longest event-loop stall ${ms(longest)}`
		);
	}
	await closeReportWorkers();
	await closeDatabase(db);

	// (c) Answer saves at 1,000 req/s on this database, alone and while HR downloads the
	// three-year pass-rate export over and over from the real endpoint.
	const hr = seeded.tokens[STAFF - 1]!;
	const w = openSqlite(file).writer;
	w.prepare(`insert into staff_role (staff_id, role) values (?, 'hr')`).run(STAFF);
	w.close();
	const url = `http://localhost:${port}`;
	const stats = path.join(dir, 'loop-stats.json');
	const server = await startServer(
		APP_SERVER,
		{
			DATABASE_PATH: file,
			PORT: String(port),
			QUALIFY_DEMO: '0',
			LOG_LEVEL: 'error',
			ORIGIN: url,
			QUALIFY_SQLITE_SYNCHRONOUS: 'FULL',
			QUALIFY_LOOP_STATS: stats
		},
		`${url}/healthz`
	);
	try {
		let who = 0;
		const starts = await load(
			url,
			() => ({
				path: `/api/exams/${seeded.examId}/attempts`,
				method: 'POST',
				headers: { cookie: `qualify_session=${seeded.tokens[who++ % STAFF]}` }
			}),
			{ connections: 100, amount: STAFF }
		);
		failed += starts.failed;
		const attempts = await readAttempts(file, seeded.tokens);
		// Warm-up (not reported): the first seconds after the burst pay for JIT and cold pages.
		await openLoop(url, 1000, 3, saveRequest(attempts));
		const alone = await withLoopStats(server, stats, () =>
			openLoop(url, 1000, seconds, saveRequest(attempts))
		);
		const exportPath = `/manage/reports/pass-rates/export.csv?from=${gen.fromMonth}&to=${gen.toMonth}`;
		const reportTimes: number[] = [];
		let reportFailed = 0;
		let running = true;
		const reporter = (async () => {
			while (running) {
				const t = performance.now();
				const res = await fetch(url + exportPath, { headers: { cookie: `qualify_session=${hr}` } });
				const body = new Uint8Array(await res.arrayBuffer());
				// Bytes, not text(): decoding drops the BOM the export must start with.
				if (res.status !== 200 || body[0] !== 0xef || body[1] !== 0xbb || body[2] !== 0xbf) {
					reportFailed++;
				}
				reportTimes.push(performance.now() - t);
			}
		})();
		const withReport = await withLoopStats(server, stats, () =>
			openLoop(url, 1000, seconds, saveRequest(attempts))
		);
		running = false;
		await reporter;
		// HR downloads the eight-month results workbook (about 25 s of work for a million rows,
		// all of it on the request thread but the reading): saves meanwhile, then the download
		// is cancelled as a browser would.
		const xlsxPath = `/manage/reports/results/export.xlsx?${resultsToParams(resultsFilters)}`;
		const abort = new AbortController();
		let xlsxBytes = 0;
		let xlsxStatus = 0;
		const downloader = (async () => {
			try {
				const res = await fetch(url + xlsxPath, {
					headers: { cookie: `qualify_session=${hr}` },
					signal: abort.signal
				});
				xlsxStatus = res.status;
				for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
					xlsxBytes += chunk.byteLength;
				}
			} catch (e) {
				if (!abort.signal.aborted) throw e;
			}
		})();
		const withXlsx = await withLoopStats(server, stats, () =>
			openLoop(url, 1000, seconds, saveRequest(attempts))
		);
		abort.abort();
		await downloader;
		const xlsxFailed = xlsxStatus === 200 && xlsxBytes > 0 ? 0 : 1;
		failed += alone.failed + withReport.failed + reportFailed + withXlsx.failed + xlsxFailed;
		const row = (label: string, r: LoadResult & { stall: LoopStats }): string =>
			`${label.padEnd(44)} p50 ${String(r.p50).padStart(5)} ms  p99 ${String(r.p99).padStart(5)} ms  n=${r.total}  ${failedText(r)}  longest stall ${r.stall.maxMs.toFixed(1)} ms${stallCauseText(r.stall)}`;
		lines.push(
			row(`answer-save at 1,000 req/s, ${gen.attempts.toLocaleString('en')}-row db`, alone)
		);
		lines.push(
			row('  … while HR loops the pass-rate export', withReport) +
				`  (${reportTimes.length} exports, median ${ms(median(reportTimes))}, failed=${reportFailed}; target p99 ≤ 20 ms)`
		);
		lines.push(
			row('  … while HR downloads the results workbook', withXlsx) +
				`  (${(xlsxBytes / 1e6).toFixed(1)} MB of .xlsx in ${seconds} s, status ${xlsxStatus})`
		);
	} finally {
		await stopServer(server);
	}
	return { lines, failed };
}
