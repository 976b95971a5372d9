import { describe, expect, it } from 'vitest';
import { hourEntry } from '../../../src/lib/server/db/schema';
import { runReport } from '../../../src/lib/server/reports/service';
import type { TestApp } from '../../helpers/app';
import { FILTERS, reportOffice } from './fixture';

async function credit(
	app: TestApp,
	staffId: number,
	kind: 'remote' | 'centralized' | 'self_study' | 'onboarding',
	hours: number,
	earnedOn: string
) {
	await app.db
		.insert(hourEntry)
		.values({ staffId, kind, hours, earnedOn, source: 'manual', recordedAt: app.clock.now() })
		.run();
}

async function fixture() {
	const o = await reportOffice();
	await credit(o.app, o.a1.id, 'remote', 10, '2026-01-15');
	await credit(o.app, o.a1.id, 'remote', 2.5, '2026-02-15');
	await credit(o.app, o.a1.id, 'centralized', 6, '2026-02-20');
	await credit(o.app, o.a1.id, 'self_study', 1.5, '2026-02-21');
	await credit(o.app, o.a1.id, 'remote', 30, '2025-12-31'); // last year: not counted
	await credit(o.app, o.b1.id, 'onboarding', 8, '2026-01-05');
	return o;
}

describe('hours report', () => {
	it('lists each person with hours by kind against the requirement for the year of `to`', async () => {
		const { app, hr } = await fixture();
		const result = await runReport(app, hr, 'hours', FILTERS);
		const a1 = result.rows.find((r) => r.employeeNo === 'A1');
		expect(a1).toEqual({
			employeeNo: 'A1',
			name: '员工A1',
			branchCode: 'S01',
			branchName: '一支局',
			position: '储蓄员',
			remote: 12.5,
			centralized: 6,
			selfStudy: 1.5,
			onboarding: 0,
			remoteRequired: 40,
			centralizedRequired: 60,
			remoteRemaining: 27.5,
			centralizedRemaining: 54,
			behindPace: expect.any(Number) as number
		});
		const b1 = result.rows.find((r) => r.employeeNo === 'B1');
		expect(b1).toMatchObject({ onboarding: 8, remote: 0, remoteRemaining: 40, behindPace: 1 });
		expect(result.rows.map((r) => r.employeeNo)).toEqual(
			expect.arrayContaining(['A1', 'A2', 'A3', 'B1'])
		);
		expect(result.columns.find((c) => c.key === 'employeeNo')?.kind).toBe('code');
	});

	it('filters by position', async () => {
		const { app, hr } = await fixture();
		const result = await runReport(app, hr, 'hours', { ...FILTERS, position: '客户经理' });
		expect(result.rows.map((r) => r.employeeNo)).toEqual(['A2']);
	});

	it('shows a branch manager only their branch', async () => {
		const { app, mgr2 } = await fixture();
		const result = await runReport(app, mgr2, 'hours', FILTERS);
		expect(result.rows.length).toBeGreaterThan(0);
		expect(new Set(result.rows.map((r) => r.branchCode))).toEqual(new Set(['S02']));
		expect(result.rows.map((r) => r.employeeNo)).toContain('B1');
	});
});
