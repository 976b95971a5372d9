import { exec, inTransaction } from '../../../src/lib/server/db';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { report } from '../../../src/lib/server/cli/report';
import { streamReportCsv } from '../../../src/lib/server/reports/csv';
import { countResults, exportResults } from '../../../src/lib/server/reports/results';
import { closeReportWorkers } from '../../../src/lib/server/reports/worker';
import type { TestApp } from '../../helpers/app';
import { office } from './fixture';
import { exam, RESULTS, resultsOffice } from './results-fixture';

afterAll(closeReportWorkers);

const MANY = 6_000;

/** `MANY` submitted attempts by one person in February, a second apart. */
async function busyOffice() {
	const o = await resultsOffice();
	const examId = await exam(o.app, '大批量', 'practice');
	const insert = `insert into attempt (exam_id, staff_id, attempt_no, seed, paper, status, started_at,
			submitted_at, score, max_score, percent, passed)
		 values (?, ?, ?, 's', '[]', 'submitted', ?, ?, 90, 100, 90, true)`;
	const start = office('2026-02-15');
	await inTransaction(o.app.db, async (tx) => {
		for (let i = 0; i < MANY; i++) {
			await exec(tx, insert, [examId, o.a3.id, i + 1, start, start + i * 1000]);
		}
	});
	return o;
}

function counting<T>(rows: AsyncIterable<T>): { rows: AsyncIterable<T>; produced: () => number } {
	let produced = 0;
	return {
		rows: (async function* () {
			for await (const row of rows) {
				produced++;
				yield row;
			}
		})(),
		produced: () => produced
	};
}

const settled = (p: Promise<unknown>, ms: number): Promise<boolean> =>
	Promise.race([p.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms))]);

describe('exam results export streaming', () => {
	it('produces rows only as the download reads them, without holding up other reports', async () => {
		const { app, hr } = await busyOffice();
		const x = await exportResults(app, hr, RESULTS);
		const source = counting(x.rows);
		const reader = streamReportCsv(source.rows, x.columns).getReader();
		await reader.read(); // header
		await reader.read(); // first chunk
		expect(source.produced()).toBeLessThanOrEqual(501);
		// The export has a worker of its own, paused mid-query at two unread batches: the page's
		// count runs meanwhile on the shared worker instead of queueing behind the download.
		const count = countResults(app, hr, RESULTS);
		expect(await settled(count, 2_000)).toBe(true);
		await new Promise((r) => setTimeout(r, 300));
		expect(source.produced()).toBeLessThanOrEqual(501);
		let lines = 0;
		for (let r = await reader.read(); !r.done; r = await reader.read()) {
			lines += new TextDecoder().decode(r.value).split('\r\n').length - 1;
		}
		expect(source.produced()).toBe(MANY + 6);
		expect(lines).toBe(MANY + 6 - 250);
		expect((await count).count).toBe(MANY + 6);
	});

	it('ends the query when the download is abandoned, and the next report still runs', async () => {
		const { app, hr } = await busyOffice();
		const x = await exportResults(app, hr, RESULTS);
		const reader = streamReportCsv(x.rows, x.columns).getReader();
		await reader.read();
		await reader.read();
		await reader.cancel();
		expect((await countResults(app, hr, RESULTS)).count).toBe(MANY + 6);
	});
});

describe('CLI report results', () => {
	afterEach(() => {
		vi.restoreAllMocks();
		vi.unstubAllEnvs();
	});

	function cli(app: TestApp) {
		vi.stubEnv('DATABASE_PATH', app.config.databasePath);
		// Under npm run test:pg the command must open the test's PostgreSQL database.
		vi.stubEnv('DATABASE_URL', app.config.databaseUrl ?? '');
		vi.spyOn(console, 'error').mockImplementation(() => {});
		return async (...args: string[]) =>
			await report.run(['results', '--from', '2026-01', '--to', '2026-03', ...args]);
	}

	it('writes the BOM, the header and one row per attempt to --out', async () => {
		const { app } = await resultsOffice();
		const run = cli(app);
		const out = path.join(app.dir, 'results.csv');
		expect(await run('--out', out)).toBe(0);
		const bytes = fs.readFileSync(out);
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const lines = bytes.subarray(3).toString('utf8').split('\r\n');
		expect(lines[0]).toMatch(/^员工号,姓名,机构号,/);
		expect(lines.slice(1, -1)).toHaveLength(6);
		expect(lines[1]).toMatch(/^00123,"'=HYPERLINK\(""x""\)",S01,/);
		expect(lines.at(-1)).toBe('');

		expect(await run('--purpose', 'practice', '--lang', 'en', '--out', out)).toBe(0);
		const en = fs.readFileSync(out, 'utf8').split('\r\n');
		expect(en[0]).toMatch(/^\uFEFFEmployee/);
		expect(en.slice(1, -1)).toHaveLength(1);
		expect(en[1]).toContain('Practice quiz');
	});

	it('refuses a bad purpose or a purpose for another report, and an unknown branch', async () => {
		const { app } = await resultsOffice();
		const run = cli(app);
		expect(await run('--purpose', 'nope')).toBe(2);
		expect(await report.run(['hours', '--purpose', 'practice'])).toBe(2);
		expect(await run('--branch', 'ZZZ')).toBe(1);
	});
});
