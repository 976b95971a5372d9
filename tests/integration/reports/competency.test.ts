import { describe, expect, it } from 'vitest';
import { competency, competencyEvent } from '../../../src/lib/server/db/schema';
import { runReport } from '../../../src/lib/server/reports/service';
import type { TestApp } from '../../helpers/app';
import { FILTERS, office, reportOffice } from './fixture';

async function event(
	app: TestApp,
	competencyId: number,
	staffId: number,
	kind: 'granted' | 'needs_retest' | 'revoked',
	occurredAt: number,
	validUntil: string | null = null
) {
	await app.db
		.insert(competencyEvent)
		.values({
			staffId,
			competencyId,
			kind,
			validUntil,
			evidenceType: 'manual',
			evidenceRef: 'manual:test',
			occurredAt
		})
		.run();
}

async function fixture() {
	const o = await reportOffice();
	const aml = await o.app.db
		.insert(competency)
		.values({ code: 'AML', name: '反洗钱', validityMonths: 12, createdAt: o.app.clock.now() })
		.returning()
		.get();
	// Today is 2026-03-02: A1 lapses within 60 days, A2 has lapsed, B1 must retest; A3 has nothing.
	await event(o.app, aml.id, o.a1.id, 'granted', office('2025-04-15'), '2026-04-15');
	await event(o.app, aml.id, o.a2.id, 'granted', office('2025-01-01'), '2025-12-31');
	await event(o.app, aml.id, o.b1.id, 'granted', office('2026-01-02'), '2027-01-01');
	await event(o.app, aml.id, o.b1.id, 'needs_retest', office('2026-02-02'));
	return o;
}

const row = (employeeNo: string, branch: string, fields: Record<string, unknown>) => ({
	employeeNo,
	name: `员工${employeeNo}`,
	branchCode: branch,
	branchName: branch === 'S01' ? '一支局' : '二支局',
	position: employeeNo === 'A2' ? '客户经理' : '储蓄员',
	competency: '反洗钱',
	...fields
});

describe('competency report', () => {
	it('lists who holds what, with status, end date and expiring within 60 days', async () => {
		const { app, hr } = await fixture();
		expect((await runReport(app, hr, 'competency', FILTERS)).rows).toEqual([
			row('A1', 'S01', { status: 'competent', until: '2026-04-15', expiringWithin60: 1 }),
			row('A2', 'S01', { status: 'expired', until: '2025-12-31', expiringWithin60: 0 }),
			row('B1', 'S02', { status: 'needs_retest', until: '2027-01-01', expiringWithin60: 0 })
		]);
	});

	it('filters by position', async () => {
		const { app, hr } = await fixture();
		const rows = (await runReport(app, hr, 'competency', { ...FILTERS, position: '客户经理' }))
			.rows;
		expect(rows.map((r) => r.employeeNo)).toEqual(['A2']);
	});

	it('shows a branch manager only their branch', async () => {
		const { app, mgr2 } = await fixture();
		expect(
			(await runReport(app, mgr2, 'competency', FILTERS)).rows.map((r) => r.employeeNo)
		).toEqual(['B1']);
	});
});
