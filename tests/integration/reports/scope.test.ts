import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { REPORT_NAMES, type ReportFilters } from '../../../src/lib/reports/types';
import type { SessionUser } from '../../../src/lib/server/auth/session';
import { report } from '../../../src/lib/server/cli/report';
import { Forbidden, Unauthenticated } from '../../../src/lib/server/errors';
import { runReport } from '../../../src/lib/server/reports/service';
import { SYSTEM_ACTOR } from '../../../src/lib/server/roster/actor';
import { createTestApp } from '../../helpers/app';
import { makeBranch, makeStaff } from '../../helpers/factories';

const FILTERS: ReportFilters = {
	from: '2025-04',
	to: '2026-03',
	branchCode: null,
	position: null,
	groupBy: 'branch_month'
};

async function setup() {
	const app = await createTestApp();
	const b1 = await makeBranch(app, { code: 'S01' });
	const b2 = await makeBranch(app, { code: 'S02' });
	const as = async (branchId: number, roles: SessionUser['roles']): Promise<SessionUser> => ({
		...(await makeStaff(app, { branchId, roles })),
		roles,
		mustChangePassword: false,
		locale: null
	});
	return {
		app,
		hr: await as(b1.id, ['hr']),
		mgr2: await as(b2.id, ['branch_manager']),
		learner: await as(b1.id, ['learner'])
	};
}

describe('report scope', () => {
	it.each(REPORT_NAMES)(
		'%s: a manager is held to their branch; others are refused',
		async (name) => {
			const { app, hr, mgr2, learner } = await setup();
			expect((await runReport(app, mgr2, name, FILTERS)).filters.branchCode).toBe('S02');
			expect(
				(await runReport(app, mgr2, name, { ...FILTERS, branchCode: 'S02' })).filters.branchCode
			).toBe('S02');
			await expect(runReport(app, mgr2, name, { ...FILTERS, branchCode: 'S01' })).rejects.toThrow(
				Forbidden
			);
			await expect(runReport(app, learner, name, FILTERS)).rejects.toThrow(Forbidden);
			await expect(runReport(app, null, name, FILTERS)).rejects.toThrow(Unauthenticated);
			expect((await runReport(app, hr, name, FILTERS)).filters.branchCode).toBeNull();
			expect((await runReport(app, SYSTEM_ACTOR, name, FILTERS)).filters.branchCode).toBeNull();
		}
	);

	it('pass rates over months where nobody sat are null, never NaN', async () => {
		const { app, hr } = await setup();
		const result = await runReport(app, hr, 'pass-rates', { ...FILTERS, branchCode: 'S01' });
		expect(result.rows).toEqual([]);
		expect(result.trend).toHaveLength(12);
		for (const p of result.trend ?? []) {
			expect(p.office).toEqual({ num: 0, den: 0, value: null });
			expect(p.branch).toEqual({ num: 0, den: 0, value: null });
		}
	});
});

describe('CLI report', () => {
	let dir = '';
	afterEach(() => {
		vi.restoreAllMocks();
		vi.unstubAllEnvs();
		if (dir) fs.rmSync(dir, { recursive: true, force: true });
	});

	it('exits 2 on usage errors, 1 on an unknown branch, 0 writing the CSV with its BOM', async () => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qualify-report-'));
		vi.stubEnv('DATABASE_PATH', path.join(dir, 'cli.db'));
		vi.spyOn(console, 'error').mockImplementation(() => {});
		expect(await report.run([])).toBe(2);
		expect(await report.run(['nope'])).toBe(2);
		expect(await report.run(['hours', '--from', '2026-13'])).toBe(2);
		expect(await report.run(['hours', '--frobnicate'])).toBe(2);
		expect(await report.run(['hours', '--branch', 'ZZZ'])).toBe(1);
		expect(await report.run(['pass-rates', '--group-by', 'weekday'])).toBe(2);
		expect(await report.run(['hours', '--lang', 'fr'])).toBe(2);
		const out = path.join(dir, 'out.csv');
		expect(
			await report.run(['pass-rates', '--from', '2026-01', '--to', '2026-03', '--out', out])
		).toBe(0);
		const bytes = fs.readFileSync(out);
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		expect(bytes.toString('utf8')).toContain('机构号');

		const en = path.join(dir, 'en.csv');
		const args = ['--group-by', 'month', '--position', '综合柜员', '--lang', 'en', '--out', en];
		expect(await report.run(['pass-rates', '--from', '2026-01', '--to', '2026-03', ...args])).toBe(
			0
		);
		const header = fs.readFileSync(en, 'utf8').split('\r\n')[0];
		// Grouped by month: no branch columns, English headers.
		expect(header).toMatch(/^\uFEFFMonth,/);
		expect(header).not.toContain('Branch');
	});
});
