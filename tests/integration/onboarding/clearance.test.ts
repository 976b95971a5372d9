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
const finalDayId = (o: Office, planId: number) =>
	getMenteeLog(o.app, o.mentorA.user, planId).log.find((d) => d.dayNumber === 15)!.id;
const planOf = (o: Office, planId: number) =>
	o.app.db.select().from(onboardingPlan).where(eq(onboardingPlan.id, planId)).get()!;
const statusOf = (o: Office) =>
	o.app.db.select().from(staff).where(eq(staff.id, o.newHire.row.id)).get()!.status;

describe('countersigning the final day', () => {
	it('is only for day 15, only once, and only by the new hire’s own branch manager', async () => {
		const o = await office();
		const planId = openDefaultPlan(o);
		signDays(o, planId, days(1, 15));
		const log = getMenteeLog(o.app, o.mentorA.user, planId).log;
		expect(() => countersignFinalDay(o.app, o.managerA.user, log[0]!.id)).toThrow(Invalid);
		expect(() => countersignFinalDay(o.app, o.managerB.user, finalDayId(o, planId))).toThrow(
			Forbidden
		);
		// HR is not the branch's manager, so it cannot vouch for the branch.
		expect(() => countersignFinalDay(o.app, o.hr.user, finalDayId(o, planId))).toThrow(Forbidden);
		countersignFinalDay(o.app, o.managerA.user, finalDayId(o, planId));
		expect(() => countersignFinalDay(o.app, o.managerA.user, finalDayId(o, planId))).toThrow(
			Invalid
		);
		expect(getPlanDetail(o.app, o.managerA.user, planId).countersignDayId).toBeNull();
	});
});

describe('clearance for duty', () => {
	it('clears when the last seat lesson comes after the countersigned last day', async () => {
		const o = await office();
		const planId = openDefaultPlan(o);
		completeSeat(o.app, o.newHire.row.id, 1);
		signDays(o, planId, days(1, 15));
		expect(countersignFinalDay(o.app, o.managerA.user, finalDayId(o, planId)).cleared).toBe(false);
		expect(planOf(o, planId).status).toBe('open');
		o.app.clock.set('2026-03-03T02:00:00Z');
		completeSeat(o.app, o.newHire.row.id);
		expect(planOf(o, planId)).toMatchObject({ status: 'cleared', clearedOn: '2026-03-03' });
		expect(statusOf(o)).toBe('active');
	});

	it('clears on the countersignature when everything else is already there', async () => {
		const o = await office();
		const planId = openDefaultPlan(o);
		completeSeat(o.app, o.newHire.row.id);
		signDays(o, planId, days(1, 14));
		expect(planOf(o, planId).status).toBe('open');
		signDays(o, planId, [15]);
		expect(planOf(o, planId).status).toBe('open');
		expect(statusOf(o)).toBe('onboarding');
		expect(countersignFinalDay(o.app, o.managerA.user, finalDayId(o, planId)).cleared).toBe(true);
		expect(planOf(o, planId)).toMatchObject({ status: 'cleared', clearedOn: '2026-03-02' });
		expect(statusOf(o)).toBe('active');
	});

	it('does not clear with a day missing, and a corrected last day needs a new countersignature', async () => {
		const o = await office();
		const planId = openDefaultPlan(o);
		completeSeat(o.app, o.newHire.row.id);
		signDays(o, planId, [...days(1, 13), 15]);
		countersignFinalDay(o.app, o.managerA.user, finalDayId(o, planId));
		expect(planOf(o, planId).status).toBe('open');
		correctPracticumDay(o.app, o.mentorA.user, finalDayId(o, planId), {
			workDate: dayDate(15),
			tasks: ['end_of_day'],
			hours: 8,
			observations: '',
			reason: '补记日终轧账'
		});
		signDays(o, planId, [14]);
		expect(planOf(o, planId).status).toBe('open');
		expect(countersignFinalDay(o.app, o.managerA.user, finalDayId(o, planId)).cleared).toBe(true);
	});
});
