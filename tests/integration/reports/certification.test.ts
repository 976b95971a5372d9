import { describe, expect, it } from 'vitest';
import { formatRate } from '../../../src/lib/reports/rate';
import { attempt, examDefinition } from '../../../src/lib/server/db/schema';
import { countSubmittedAttempt } from '../../../src/lib/server/reports/attempt-summary';
import { runReport } from '../../../src/lib/server/reports/service';
import type { TestApp } from '../../helpers/app';
import { FILTERS, office, reportOffice } from './fixture';

async function exam(app: TestApp, title: string, purpose: 'certification' | 'practice') {
	const now = app.clock.now();
	return await app.db
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
async function sit(
	app: TestApp,
	examId: number,
	staffId: number,
	submittedAt: number,
	passed: boolean | null,
	status: 'open' | 'submitted' = 'submitted'
) {
	attemptNo++;
	const startedAt = submittedAt - 60_000;
	await app.db
		.insert(attempt)
		.values({
			examId,
			staffId,
			attemptNo,
			seed: `s${attemptNo}`,
			paper: [],
			status,
			startedAt,
			submittedAt: status === 'submitted' ? submittedAt : null,
			maxScore: 100,
			passed: status === 'submitted' ? passed : null
		})
		.run();
	// As the submit transaction does: the trend reads the summary.
	if (status === 'submitted')
		await countSubmittedAttempt(app.db, { examId, staffId, startedAt, passed });
}

async function fixture() {
	const o = await reportOffice();
	const x = await exam(o.app, '反洗钱认证', 'certification');
	const practice = await exam(o.app, '练习', 'practice');
	await sit(o.app, x.id, o.a1.id, office('2026-01-10'), false);
	await sit(o.app, x.id, o.a1.id, office('2026-02-10'), true); // retest passed: a1 passed
	await sit(o.app, x.id, o.a2.id, office('2026-02-11'), false);
	await sit(o.app, x.id, o.a2.id, office('2025-12-31', '23:59'), true); // before the range (office day)
	await sit(o.app, x.id, o.a3.id, office('2026-02-12'), null, 'open'); // not submitted
	await sit(o.app, practice.id, o.a3.id, office('2026-02-12'), true); // not a certification exam
	await sit(o.app, x.id, o.b1.id, office('2026-01-01', '00:30'), false); // first office minutes of the range
	await sit(o.app, x.id, o.b1.id, office('2026-02-20'), true);
	return o;
}

const r = (num: number, den: number) => ({ num, den, value: den === 0 ? null : num / den });

describe('certification report', () => {
	it('counts people who sat and passed per exam and branch, final result per person', async () => {
		const { app, hr } = await fixture();
		const result = await runReport(app, hr, 'certification', FILTERS);
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
		const byPosition = await runReport(app, hr, 'certification', {
			...FILTERS,
			position: '客户经理'
		});
		expect(byPosition.rows).toMatchObject([{ branchCode: 'S01', sat: 1, passed: 0 }]);
		const s01 = await runReport(app, hr, 'certification', { ...FILTERS, branchCode: 'S01' });
		expect(s01.rows.map((r) => r.branchCode)).toEqual(['S01']);
	});

	it('shows a branch manager only their branch', async () => {
		const { app, mgr2 } = await fixture();
		const result = await runReport(app, mgr2, 'certification', FILTERS);
		expect(result.rows).toMatchObject([{ branchCode: 'S02', sat: 1, passed: 1 }]);
	});

	it('gives no rows, never NaN, when nobody sat', async () => {
		const { app, hr } = await reportOffice();
		const result = await runReport(app, hr, 'certification', FILTERS);
		expect(result.rows).toEqual([]);
		expect(result.trend?.map((p) => p.office)).toEqual([r(0, 0), r(0, 0), r(0, 0)]);
	});
});

describe('certification trend', () => {
	it('gives the pass rate per attempt by office month, with no value for a month nobody sat', async () => {
		const { app, hr } = await fixture();
		const { trend } = await runReport(app, hr, 'certification', FILTERS);
		// Jan: a1 failed, b1 failed (00:29 on 1 Jan office time is January, though still
		// 31 Dec in UTC). Feb: a1 passed, a2 failed, b1 passed; a retest counts again.
		expect(trend).toEqual([
			{ month: '2026-01', office: r(0, 2), branch: null },
			{ month: '2026-02', office: r(2, 3), branch: null },
			{ month: '2026-03', office: r(0, 0), branch: null }
		]);
		expect(formatRate('zh-CN', trend![2]!.office)).toBe('—');
	});

	it('draws the selected branch against the whole office', async () => {
		const { app, hr, mgr2 } = await fixture();
		const s01 = (await runReport(app, hr, 'certification', { ...FILTERS, branchCode: 'S01' }))
			.trend;
		expect(s01?.map((p) => [p.branch, p.office])).toEqual([
			[r(0, 1), r(0, 2)],
			[r(1, 2), r(2, 3)],
			[r(0, 0), r(0, 0)]
		]);
		// A branch manager's own branch, still against every branch.
		const s02 = (await runReport(app, mgr2, 'certification', FILTERS)).trend;
		expect(s02?.map((p) => [p.branch, p.office])).toEqual([
			[r(0, 1), r(0, 2)],
			[r(1, 1), r(2, 3)],
			[r(0, 0), r(0, 0)]
		]);
	});

	it('narrows the trend by position, as the table is narrowed', async () => {
		const { app, hr } = await fixture();
		// 储蓄员: a1 and b1 (a3 only has an open attempt and a practice one).
		const clerks = (
			await runReport(app, hr, 'certification', {
				...FILTERS,
				branchCode: 'S01',
				position: '储蓄员'
			})
		).trend;
		expect(clerks?.map((p) => [p.branch, p.office])).toEqual([
			[r(0, 1), r(0, 2)],
			[r(1, 1), r(2, 2)],
			[r(0, 0), r(0, 0)]
		]);
		const managers = await runReport(app, hr, 'certification', {
			...FILTERS,
			position: '客户经理'
		});
		expect(managers.trend?.map((p) => p.office)).toEqual([r(0, 0), r(0, 1), r(0, 0)]);
	});
});
