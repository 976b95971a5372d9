import { describe, expect, it } from 'vitest';
import { attempt, examDefinition } from '../../../src/lib/server/db/schema';
import { runReport } from '../../../src/lib/server/reports/service';
import type { TestApp } from '../../helpers/app';
import { FILTERS, office, reportOffice } from './fixture';

function exam(app: TestApp, title: string, purpose: 'certification' | 'practice') {
	const now = app.clock.now();
	return app.db
		.insert(examDefinition)
		.values({
			title,
			purpose,
			blueprint: [],
			passMark: 60,
			reviewPolicy: 'score_only',
			createdAt: now,
			updatedAt: now
		})
		.returning()
		.get();
}

let attemptNo = 0;
function sit(
	app: TestApp,
	examId: number,
	staffId: number,
	submittedAt: number,
	passed: boolean | null,
	status: 'open' | 'submitted' = 'submitted'
) {
	attemptNo++;
	app.db
		.insert(attempt)
		.values({
			examId,
			staffId,
			attemptNo,
			seed: `s${attemptNo}`,
			paper: [],
			status,
			startedAt: submittedAt - 60_000,
			submittedAt: status === 'submitted' ? submittedAt : null,
			maxScore: 100,
			passed: status === 'submitted' ? passed : null
		})
		.run();
}

async function fixture() {
	const o = await reportOffice();
	const x = exam(o.app, '反洗钱认证', 'certification');
	const practice = exam(o.app, '练习', 'practice');
	sit(o.app, x.id, o.a1.id, office('2026-01-10'), false);
	sit(o.app, x.id, o.a1.id, office('2026-02-10'), true); // retest passed: a1 passed
	sit(o.app, x.id, o.a2.id, office('2026-02-11'), false);
	sit(o.app, x.id, o.a2.id, office('2025-12-31', '23:59'), true); // before the range (office day)
	sit(o.app, x.id, o.a3.id, office('2026-02-12'), null, 'open'); // not submitted
	sit(o.app, practice.id, o.a3.id, office('2026-02-12'), true); // not a certification exam
	sit(o.app, x.id, o.b1.id, office('2026-01-01', '00:30'), false); // first office minutes of the range
	sit(o.app, x.id, o.b1.id, office('2026-02-20'), true);
	return o;
}

describe('certification report', () => {
	it('counts people who sat and passed per exam and branch, final result per person', async () => {
		const { app, hr } = await fixture();
		const result = runReport(app, hr, 'certification', FILTERS);
		expect(result.columns.map((c) => c.key)).toEqual([
			'exam',
			'branchCode',
			'branchName',
			'attempts',
			'sat',
			'passed',
			'failed',
			'passRate'
		]);
		expect(result.rows).toEqual([
			{
				exam: '反洗钱认证',
				branchCode: 'S01',
				branchName: '一支局',
				attempts: 3,
				sat: 2,
				passed: 1,
				failed: 1,
				passRate: { num: 1, den: 2, value: 0.5 }
			},
			{
				exam: '反洗钱认证',
				branchCode: 'S02',
				branchName: '二支局',
				attempts: 2,
				sat: 1,
				passed: 1,
				failed: 0,
				passRate: { num: 1, den: 1, value: 1 }
			}
		]);
	});

	it('narrows by position and by the selected branch', async () => {
		const { app, hr } = await fixture();
		const byPosition = runReport(app, hr, 'certification', { ...FILTERS, position: '客户经理' });
		expect(byPosition.rows).toMatchObject([{ branchCode: 'S01', sat: 1, passed: 0 }]);
		const s01 = runReport(app, hr, 'certification', { ...FILTERS, branchCode: 'S01' });
		expect(s01.rows.map((r) => r.branchCode)).toEqual(['S01']);
	});

	it('shows a branch manager only their branch', async () => {
		const { app, mgr2 } = await fixture();
		const result = runReport(app, mgr2, 'certification', FILTERS);
		expect(result.rows).toMatchObject([{ branchCode: 'S02', sat: 1, passed: 1 }]);
	});

	it('gives no rows, never NaN, when nobody sat', async () => {
		const { app, hr } = await reportOffice();
		expect(runReport(app, hr, 'certification', FILTERS).rows).toEqual([]);
	});
});
