import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { onboardingPlan, staff } from '../../../src/lib/server/db/schema';
import { Forbidden, Invalid } from '../../../src/lib/server/errors';
import { getMenteeLog } from '../../../src/lib/server/mentoring/mentees';
import { correctPracticumDay } from '../../../src/lib/server/mentoring/practicum';
import { countersignFinalDay } from '../../../src/lib/server/mentoring/signatures';
import { getPlanDetail } from '../../../src/lib/server/onboarding/detail';
import { completeSeat, dayDate, office, openDefaultPlan, signDays, type Office } from './setup';

const days = (from: number, to: number) =>
	Array.from({ length: to - from + 1 }, (_, i) => from + i);
const finalDayId = async (o: Office, planId: number) =>
	(await getMenteeLog(o.app, o.mentorA.user, planId)).log.find((d) => d.dayNumber === 15)!.id;
const planOf = async (o: Office, planId: number) =>
	(await o.app.db.select().from(onboardingPlan).where(eq(onboardingPlan.id, planId)).get())!;
const statusOf = async (o: Office) =>
	(await o.app.db.select().from(staff).where(eq(staff.id, o.newHire.row.id)).get())!.status;

describe('countersigning the final day', () => {
	it('is only for day 15, only once, and only by the new hire’s own branch manager', async () => {
		const o = await office();
		const planId = await openDefaultPlan(o);
		await signDays(o, planId, days(1, 15));
		const log = (await getMenteeLog(o.app, o.mentorA.user, planId)).log;
		await expect(countersignFinalDay(o.app, o.managerA.user, log[0]!.id)).rejects.toThrow(Invalid);
		await expect(
			countersignFinalDay(o.app, o.managerB.user, await finalDayId(o, planId))
		).rejects.toThrow(Forbidden);
		// HR is not the branch's manager, so it cannot vouch for the branch.
		await expect(
			countersignFinalDay(o.app, o.hr.user, await finalDayId(o, planId))
		).rejects.toThrow(Forbidden);
		await countersignFinalDay(o.app, o.managerA.user, await finalDayId(o, planId));
		await expect(
			countersignFinalDay(o.app, o.managerA.user, await finalDayId(o, planId))
		).rejects.toThrow(Invalid);
		expect((await getPlanDetail(o.app, o.managerA.user, planId)).countersignDayId).toBeNull();
	});
});

describe('clearance for duty', () => {
	it('clears when the last seat lesson comes after the countersigned last day', async () => {
		const o = await office();
		const planId = await openDefaultPlan(o);
		await completeSeat(o.app, o.newHire.row.id, 1);
		await signDays(o, planId, days(1, 15));
		expect(
			(await countersignFinalDay(o.app, o.managerA.user, await finalDayId(o, planId))).cleared
		).toBe(false);
		expect((await planOf(o, planId)).status).toBe('open');
		o.app.clock.set('2026-03-03T02:00:00Z');
		await completeSeat(o.app, o.newHire.row.id);
		expect(await planOf(o, planId)).toMatchObject({ status: 'cleared', clearedOn: '2026-03-03' });
		expect(await statusOf(o)).toBe('active');
	});

	it('clears on the countersignature when everything else is already there', async () => {
		const o = await office();
		const planId = await openDefaultPlan(o);
		await completeSeat(o.app, o.newHire.row.id);
		await signDays(o, planId, days(1, 14));
		expect((await planOf(o, planId)).status).toBe('open');
		await signDays(o, planId, [15]);
		expect((await planOf(o, planId)).status).toBe('open');
		expect(await statusOf(o)).toBe('onboarding');
		expect(
			(await countersignFinalDay(o.app, o.managerA.user, await finalDayId(o, planId))).cleared
		).toBe(true);
		expect(await planOf(o, planId)).toMatchObject({ status: 'cleared', clearedOn: '2026-03-02' });
		expect(await statusOf(o)).toBe('active');
	});

	it('does not clear with a day missing, and a corrected last day needs a new countersignature', async () => {
		const o = await office();
		const planId = await openDefaultPlan(o);
		await completeSeat(o.app, o.newHire.row.id);
		await signDays(o, planId, [...days(1, 13), 15]);
		await countersignFinalDay(o.app, o.managerA.user, await finalDayId(o, planId));
		expect((await planOf(o, planId)).status).toBe('open');
		await correctPracticumDay(o.app, o.mentorA.user, await finalDayId(o, planId), {
			workDate: dayDate(15),
			tasks: ['end_of_day'],
			hours: 8,
			observations: '',
			reason: '补记日终轧账'
		});
		await signDays(o, planId, [14]);
		expect((await planOf(o, planId)).status).toBe('open');
		expect(
			(await countersignFinalDay(o.app, o.managerA.user, await finalDayId(o, planId))).cleared
		).toBe(true);
	});
});
