import { describe, expect, it } from 'vitest';
import { onboardingPlan } from '../../../src/lib/server/db/schema';
import { runReport } from '../../../src/lib/server/reports/service';
import type { TestApp } from '../../helpers/app';
import { FILTERS, makeCourse, reportOffice } from './fixture';

async function plan(
	app: TestApp,
	seatCourseId: number,
	staffId: number,
	fields: {
		startDate: string;
		dueDate: string;
		status?: 'open' | 'cleared' | 'cancelled';
		clearedOn?: string;
	}
) {
	await app.db
		.insert(onboardingPlan)
		.values({
			staffId,
			seatCourseId,
			seatHoursRequired: 8,
			practicumDaysRequired: 5,
			createdAt: app.clock.now(),
			clearedOn: null,
			...fields
		})
		.run();
}

async function fixture() {
	const o = await reportOffice();
	const c = (await makeCourse(o.app, 'onboarding')).id;
	// S01: on time (10 days), late (25 days), overdue (today is 2026-03-02), one before the range.
	await plan(o.app, c, o.a1.id, {
		startDate: '2026-01-05',
		dueDate: '2026-01-20',
		status: 'cleared',
		clearedOn: '2026-01-15'
	});
	await plan(o.app, c, o.a2.id, {
		startDate: '2026-01-10',
		dueDate: '2026-01-25',
		status: 'cleared',
		clearedOn: '2026-02-04'
	});
	await plan(o.app, c, o.a3.id, { startDate: '2026-02-01', dueDate: '2026-02-20' });
	await plan(o.app, c, o.a3.id, {
		startDate: '2025-12-01',
		dueDate: '2025-12-20',
		status: 'cleared',
		clearedOn: '2025-12-10'
	});
	// S02: one in progress, one cancelled.
	await plan(o.app, c, o.b1.id, { startDate: '2026-02-20', dueDate: '2026-03-20' });
	await plan(o.app, c, o.b1.id, {
		startDate: '2026-02-10',
		dueDate: '2026-03-01',
		status: 'cancelled'
	});
	return o;
}

const S01 = {
	branchCode: 'S01',
	branchName: '一支局',
	newHires: 3,
	clearedOnTime: 1,
	clearedLate: 1,
	inProgress: 0,
	overdue: 1,
	onboardingRate: { num: 1, den: 3, value: 1 / 3 },
	avgDaysToClear: 17.5
};
const S02 = {
	branchCode: 'S02',
	branchName: '二支局',
	newHires: 1,
	clearedOnTime: 0,
	clearedLate: 0,
	inProgress: 1,
	overdue: 0,
	onboardingRate: { num: 0, den: 1, value: 0 },
	avgDaysToClear: null
};

describe('onboarding report', () => {
	it('counts new hires, clearance and average days per branch', async () => {
		const { app, hr } = await fixture();
		expect((await runReport(app, hr, 'onboarding', FILTERS)).rows).toEqual([S01, S02]);
		expect(
			(await runReport(app, hr, 'onboarding', { ...FILTERS, branchCode: 'S01' })).rows
		).toEqual([S01]);
	});

	it('shows a branch manager only their branch', async () => {
		const { app, mgr2 } = await fixture();
		expect((await runReport(app, mgr2, 'onboarding', FILTERS)).rows).toEqual([S02]);
	});

	it('counts only the plans of people holding the chosen position', async () => {
		const { app, hr } = await fixture();
		// S01 holds two 储蓄员 hires (A1 on time after 10 days, A3 overdue) and one 客户经理 (A2,
		// cleared late after 25 days); S02's only new hire (B1) is a 储蓄员.
		const tellers = (await runReport(app, hr, 'onboarding', { ...FILTERS, position: '储蓄员' }))
			.rows;
		expect(tellers).toEqual([
			{
				...S01,
				newHires: 2,
				clearedLate: 0,
				onboardingRate: { num: 1, den: 2, value: 1 / 2 },
				avgDaysToClear: 10
			},
			S02
		]);
		const managers = (await runReport(app, hr, 'onboarding', { ...FILTERS, position: '客户经理' }))
			.rows;
		expect(managers).toEqual([
			{
				...S01,
				newHires: 1,
				clearedOnTime: 0,
				overdue: 0,
				onboardingRate: { num: 0, den: 1, value: 0 },
				avgDaysToClear: 25
			}
		]);
		// No position counts everyone, as before.
		expect((await runReport(app, hr, 'onboarding', { ...FILTERS, position: null })).rows).toEqual([
			S01,
			S02
		]);
	});

	it('narrows a chosen branch to the position too', async () => {
		const { app, hr } = await fixture();
		const s01 = { ...FILTERS, branchCode: 'S01' };
		expect(
			(await runReport(app, hr, 'onboarding', { ...s01, position: '客户经理' })).rows
		).toMatchObject([{ branchCode: 'S01', newHires: 1, clearedLate: 1, avgDaysToClear: 25 }]);
		expect(
			(
				await runReport(app, hr, 'onboarding', {
					...FILTERS,
					branchCode: 'S02',
					position: '客户经理'
				})
			).rows
		).toEqual([
			{
				...S02,
				newHires: 0,
				inProgress: 0,
				onboardingRate: { num: 0, den: 0, value: null }
			}
		]);
	});

	it('gives no row to a branch whose only plan in the range was cancelled', async () => {
		const o = await reportOffice();
		const c = (await makeCourse(o.app, 'onboarding')).id;
		await plan(o.app, c, o.a1.id, { startDate: '2026-02-02', dueDate: '2026-03-02' });
		await plan(o.app, c, o.b1.id, {
			startDate: '2026-02-02',
			dueDate: '2026-03-02',
			status: 'cancelled'
		});
		const rows = (await runReport(o.app, o.hr, 'onboarding', FILTERS)).rows;
		expect(rows.map((r) => r.branchCode)).toEqual(['S01']);
		expect(rows[0]).toMatchObject({ newHires: 1, inProgress: 1 });
	});

	it('gives a branch with no new hires a dash, not NaN', async () => {
		const { app, hr } = await reportOffice();
		const rows = (await runReport(app, hr, 'onboarding', { ...FILTERS, branchCode: 'S02' })).rows;
		expect(rows).toMatchObject([
			{ newHires: 0, onboardingRate: { num: 0, den: 0, value: null }, avgDaysToClear: null }
		]);
	});
});
