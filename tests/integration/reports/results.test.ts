import { PG_ADMIN_URL } from '../../helpers/postgres';
import { closeDatabase } from '../../../src/lib/server/db';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../../src/lib/server/auth/session';
import { Forbidden, NotFound, Unauthenticated } from '../../../src/lib/server/errors';
import { streamReportCsv } from '../../../src/lib/server/reports/csv';
import {
	countResults,
	exportResults,
	parseResultsFilters,
	type ResultsFilters
} from '../../../src/lib/server/reports/results';
import { closeReportWorkers } from '../../../src/lib/server/reports/worker';
import { SYSTEM_ACTOR } from '../../../src/lib/server/roster/actor';
import type { TestApp } from '../../helpers/app';
import { makeStaff } from '../../helpers/factories';
import { RESULTS, resultsOffice } from './results-fixture';

afterAll(closeReportWorkers);

type Actor = Parameters<typeof exportResults>[1];

async function rowsOf(app: TestApp, actor: Actor, filters: ResultsFilters = RESULTS) {
	const rows = [];
	for await (const row of (await exportResults(app, actor, filters)).rows) rows.push(row);
	return rows;
}

const who = (rows: Record<string, unknown>[]) => rows.map((r) => `${r.employeeNo}#${r.attemptNo}`);

describe('exam results detail', () => {
	it('lists submitted attempts in the office-time month range, in submission order', async () => {
		const { app, hr } = await resultsOffice();
		const rows = await rowsOf(app, hr);
		// Not a1's attempt a minute before the range, nor the one at 16:00 UTC on 31 March (April
		// in the office), nor a3's open attempt.
		expect(who(rows)).toEqual(['00123#1', 'A1#1', '00123#2', 'A2#1', 'B1#1', 'A1#2']);
		expect(rows[0]).toEqual({
			employeeNo: '00123',
			name: '=HYPERLINK("x")',
			branchCode: 'S01',
			branchName: '一支局',
			position: '储蓄员',
			exam: '反洗钱认证',
			purpose: 'certification',
			attemptNo: 1,
			startedAt: '2025-12-31 23:40',
			submittedAt: '2026-01-01 00:00',
			score: 55,
			maxScore: 100,
			percent: 55,
			passed: 0
		});
		// 15:40 and 16:05 UTC on 10 February: the submission falls on the next office day.
		expect(rows[2]).toMatchObject({
			startedAt: '2026-02-10 23:40',
			submittedAt: '2026-02-11 00:05'
		});
		expect(rows[1]).toMatchObject({ score: 72.5, percent: 72.5, passed: 1 });
		expect(rows[5]).toMatchObject({ submittedAt: '2026-03-31 23:59' });
		expect((await countResults(app, hr, RESULTS)).count).toBe(6);
	});

	it('writes Excel-safe CSV: formulas defused, leading zeros kept, purpose and flag in words', async () => {
		const { app, hr } = await resultsOffice();
		const x = await exportResults(app, hr, RESULTS);
		const bytes = await new Response(streamReportCsv(x.rows, x.columns, 'zh-CN')).arrayBuffer();
		const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
		expect(text.split('\r\n')[0]).toBe(
			'\uFEFF员工号,姓名,机构号,机构名称,岗位,考试名称,考试类型,考试次序,开考时间,交卷时间,得分,满分,得分率（%）,是否通过'
		);
		const lines = Papa.parse<string[]>(text.slice(1), { newline: '\r\n' }).data.slice(1, -1);
		expect(lines).toHaveLength(6);
		expect(lines[0]).toEqual([
			'00123',
			`'=HYPERLINK("x")`,
			'S01',
			'一支局',
			'储蓄员',
			'反洗钱认证',
			'认证考试',
			'1',
			'2025-12-31 23:40',
			'2026-01-01 00:00',
			'55',
			'100',
			'55',
			'否'
		]);
		expect(lines[3]?.slice(6, 7)).toEqual(['练习']);
		expect(x.fileName).toBe('results-2026-01_2026-03.csv');
	});

	it('filters by position and by exam purpose; an unknown purpose is ignored', async () => {
		const { app, hr } = await resultsOffice();
		expect(who(await rowsOf(app, hr, { ...RESULTS, position: '客户经理' }))).toEqual(['A2#1']);
		expect(who(await rowsOf(app, hr, { ...RESULTS, purpose: 'practice' }))).toEqual(['A2#1']);
		const cert = { ...RESULTS, purpose: 'certification' as const };
		expect(await rowsOf(app, hr, cert)).toHaveLength(5);
		expect((await countResults(app, hr, cert)).count).toBe(5);
		const params = (q: string) => parseResultsFilters(new URLSearchParams(q), '2026-03-02');
		expect(params('purpose=spot').purpose).toBe('spot');
		expect(params('purpose=nope').purpose).toBeNull();
		expect(params('from=2026-01&to=2026-03&purpose=').purpose).toBeNull();
	});

	it('keeps a branch manager to their branch and refuses everyone else', async () => {
		const { app, s01, mgr2, hr } = await resultsOffice();
		expect(who(await rowsOf(app, mgr2))).toEqual(['B1#1']);
		const mine = await exportResults(app, mgr2, RESULTS);
		expect(mine.filters.branchCode).toBe('S02');
		expect(mine.fileName).toBe('results-S02-2026-01_2026-03.csv');
		expect((await countResults(app, mgr2, RESULTS)).count).toBe(1);
		const s01Only = { ...RESULTS, branchCode: 'S01' };
		await expect(exportResults(app, mgr2, s01Only)).rejects.toThrow(Forbidden);
		await expect(countResults(app, mgr2, s01Only)).rejects.toThrow(Forbidden);
		expect(who(await rowsOf(app, hr, s01Only))).toEqual([
			'00123#1',
			'A1#1',
			'00123#2',
			'A2#1',
			'A1#2'
		]);
		await expect(exportResults(app, hr, { ...RESULTS, branchCode: 'ZZ9' })).rejects.toThrow(
			NotFound
		);
		const learner: SessionUser = {
			...(await makeStaff(app, { branchId: s01.id })),
			roles: ['learner'],
			mustChangePassword: false,
			locale: null
		};
		await expect(exportResults(app, learner, RESULTS)).rejects.toThrow(Forbidden);
		await expect(countResults(app, learner, RESULTS)).rejects.toThrow(Forbidden);
		await expect(exportResults(app, null, RESULTS)).rejects.toThrow(Unauthenticated);
		expect(await rowsOf(app, SYSTEM_ACTOR)).toHaveLength(6);
	});

	// SQLite's report worker: on PostgreSQL the server itself runs the query off this thread.
	it.skipIf(PG_ADMIN_URL)(
		'reads the rows on the report worker, not on the request connection',
		async () => {
			const { app, hr } = await resultsOffice();
			const x = await exportResults(app, hr, RESULTS);
			// With the request thread's connection gone, only the worker's own can serve the rows.
			await closeDatabase(app.db);
			const rows = [];
			for await (const row of x.rows) rows.push(row);
			expect(rows).toHaveLength(6);
		}
	);
});
