import { describe, expect, it } from 'vitest';
import { Forbidden } from '../../../src/lib/server/errors';
import { getOnboardingOverview } from '../../../src/lib/server/onboarding/overview';
import { openPlan } from '../../../src/lib/server/onboarding/plans';
import { getOnboardingRate } from '../../../src/lib/server/onboarding/rate';
import { makeStaff } from '../../helpers/factories';
import { as, finishPlan, office, openDefaultPlan } from './setup';

describe('onboarding rate', () => {
	it('counts on-time clearances over all new hires, with who is overdue', async () => {
		const o = await office();
		// One cleared on time.
		await finishPlan(o, await openDefaultPlan(o));
		// One overdue (started in January, due in February) and one in progress in branch B.
		const late = await makeStaff(o.app, { branchId: o.a.id, status: 'onboarding' });
		await openPlan(o.app, o.hr.user, {
			employeeNo: late.employeeNo,
			startDate: '2026-01-05',
			mentorEmployeeNo: o.mentorA.row.employeeNo
		});
		const fresh = await makeStaff(o.app, { branchId: o.b.id, status: 'onboarding' });
		await openPlan(o.app, o.hr.user, {
			employeeNo: fresh.employeeNo,
			startDate: '2026-02-26',
			mentorEmployeeNo: o.mentorB.row.employeeNo
		});

		const rate = await getOnboardingRate(o.app, o.hr.user, {
			from: '2026-01-01',
			to: '2026-03-02'
		});
		expect(rate.counts).toEqual({
			total: 3,
			clearedOnTime: 1,
			clearedLate: 0,
			inProgress: 1,
			overdue: 1
		});
		expect(rate.overdue.map((r) => r.employeeNo)).toEqual([late.employeeNo]);

		// The period filters by start date; a branch narrows it.
		expect(
			(await getOnboardingRate(o.app, o.hr.user, { from: '2026-02-01', to: '2026-03-02' })).counts
				.total
		).toBe(2);
		expect(
			(
				await getOnboardingRate(o.app, o.hr.user, {
					from: '2026-01-01',
					to: '2026-03-02',
					branchId: o.b.id
				})
			).counts
		).toMatchObject({ total: 1, inProgress: 1 });

		// A branch manager sees only their branch and may not ask for another.
		expect(
			(await getOnboardingRate(o.app, o.managerB.user, { from: '2026-01-01', to: '2026-03-02' }))
				.counts.total
		).toBe(1);
		await expect(
			getOnboardingRate(o.app, o.managerB.user, {
				from: '2026-01-01',
				to: '2026-03-02',
				branchId: o.a.id
			})
		).rejects.toThrow(Forbidden);
		await expect(
			getOnboardingRate(o.app, o.mentorA.user, { from: '2026-01-01', to: '2026-03-02' })
		).rejects.toThrow(Forbidden);

		const overview = await getOnboardingOverview(o.app, o.managerA.user);
		expect(overview.open.map((p) => p.employeeNo)).toEqual([late.employeeNo]);
		expect(overview.open[0]!.isOverdue).toBe(true);
		expect(overview.cleared).toHaveLength(1);
	});

	it('narrows the counts and the overdue list to one position when asked', async () => {
		const o = await office();
		const hire = (position: string) =>
			makeStaff(o.app, { branchId: o.a.id, status: 'onboarding', position });
		const teller = await hire('柜员');
		const adviser = await hire('客户经理');
		// Both started in January and are overdue today.
		for (const p of [teller, adviser]) {
			await openPlan(o.app, o.hr.user, {
				employeeNo: p.employeeNo,
				startDate: '2026-01-05',
				mentorEmployeeNo: o.mentorA.row.employeeNo
			});
		}
		const period = { from: '2026-01-01', to: '2026-03-02' };

		const tellers = await getOnboardingRate(o.app, o.hr.user, { ...period, position: '柜员' });
		expect(tellers.counts).toMatchObject({ total: 1, overdue: 1 });
		expect(tellers.overdue.map((r) => r.employeeNo)).toEqual([teller.employeeNo]);
		expect(tellers.position).toBe('柜员');

		const everyone = await getOnboardingRate(o.app, o.hr.user, { ...period, position: null });
		expect(everyone.counts).toMatchObject({ total: 2, overdue: 2 });
		expect(everyone.overdue.map((r) => r.employeeNo).sort()).toEqual(
			[teller.employeeNo, adviser.employeeNo].sort()
		);
	});

	it('offers only in-scope new hires without a plan for a new plan', async () => {
		const o = await office();
		await makeStaff(o.app, { branchId: o.b.id, status: 'onboarding' });
		const mine = (await getOnboardingOverview(o.app, o.managerA.user)).newHires;
		expect(mine.map((p) => p.employeeNo)).toEqual([o.newHire.row.employeeNo]);
		await openDefaultPlan(o);
		expect((await getOnboardingOverview(o.app, o.managerA.user)).newHires).toEqual([]);
		expect((await getOnboardingOverview(o.app, as(o.hr.row, ['hr']))).newHires).toHaveLength(1);
	});
});
