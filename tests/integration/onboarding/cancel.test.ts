import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../../src/lib/server/audit/service';
import { onboardingPlan, practicumDay } from '../../../src/lib/server/db/schema';
import { Forbidden } from '../../../src/lib/server/errors';
import {
	getHomeMentoring,
	getMenteeLog,
	listMyMentees
} from '../../../src/lib/server/mentoring/mentees';
import { recordPracticumDay } from '../../../src/lib/server/mentoring/practicum';
import { cancelPlan } from '../../../src/lib/server/onboarding/cancel';
import { getPlanDetail } from '../../../src/lib/server/onboarding/detail';
import { getHomeOnboarding } from '../../../src/lib/server/onboarding/mine';
import { getOnboardingOverview } from '../../../src/lib/server/onboarding/overview';
import { openPlan } from '../../../src/lib/server/onboarding/plans';
import { getOnboardingRate } from '../../../src/lib/server/onboarding/rate';
import {
	dayDate,
	finishPlan,
	office,
	openDefaultPlan,
	problemKeys,
	signDays,
	type Office
} from './setup';

const planRow = async (o: Office, id: number) =>
	(await o.app.db.select().from(onboardingPlan).where(eq(onboardingPlan.id, id)).get())!;

const PERIOD = { from: '2026-01-01', to: '2026-03-02' };

describe('cancelling an onboarding plan', () => {
	it('records who cancelled it, when and why, audits it and shows it on the plan page', async () => {
		const o = await office();
		const planId = await openDefaultPlan(o);
		await cancelPlan(o.app, o.hr.user, planId, '  员工已于 3 月 1 日离职  ');

		expect(await planRow(o, planId)).toMatchObject({
			status: 'cancelled',
			cancelledAt: o.app.clock.now(),
			cancelledBy: o.hr.row.id,
			cancelReason: '员工已于 3 月 1 日离职',
			clearedOn: null
		});
		const audit = await listAuditEvents(o.app, 10, 'onboarding.plan_cancel');
		expect(audit).toHaveLength(1);
		expect(audit[0]).toMatchObject({
			actorStaffId: o.hr.row.id,
			target: `staff:${o.newHire.row.id}`,
			detail: { planId, mentorId: o.mentorA.row.id, reason: '员工已于 3 月 1 日离职' }
		});

		const detail = await getPlanDetail(o.app, o.hr.user, planId);
		expect(detail.progress.status).toBe('cancelled');
		expect(detail.progress.cancellation).toEqual({
			at: o.app.clock.now(),
			by: { employeeNo: o.hr.row.employeeNo, name: o.hr.row.name },
			reason: '员工已于 3 月 1 日离职'
		});
		expect(detail).toMatchObject({
			canCancel: false,
			canChangeMentor: false,
			canCorrect: false,
			countersignDayId: null
		});
	});

	it('lets the new hire’s own branch manager cancel, and refuses everyone else', async () => {
		const o = await office();
		const planId = await openDefaultPlan(o);
		for (const who of [o.managerB, o.mentorA, o.teller, o.newHire]) {
			await expect(cancelPlan(o.app, who.user, planId, '开错了人')).rejects.toThrow(Forbidden);
		}
		await expect(cancelPlan(o.app, null, planId, '开错了人')).rejects.toThrow();
		expect((await planRow(o, planId)).status).toBe('open');
		expect(await listAuditEvents(o.app, 10, 'onboarding.plan_cancel')).toEqual([]);

		await cancelPlan(o.app, o.managerA.user, planId, '开错了人');
		expect(await planRow(o, planId)).toMatchObject({
			status: 'cancelled',
			cancelledBy: o.managerA.row.id
		});
	});

	it('refuses an empty or overlong reason and leaves the plan open', async () => {
		const o = await office();
		const planId = await openDefaultPlan(o);
		expect(
			await problemKeys(async () => await cancelPlan(o.app, o.hr.user, planId, ' \n '))
		).toEqual(['onboarding.error.cancelReason']);
		expect(
			await problemKeys(async () => await cancelPlan(o.app, o.hr.user, planId, '离'.repeat(501)))
		).toEqual(['onboarding.error.cancelReason']);
		expect(await planRow(o, planId)).toMatchObject({ status: 'open', cancelReason: null });
	});

	it('refuses a plan already cancelled, and a plan already cleared', async () => {
		const o = await office();
		const planId = await openDefaultPlan(o);
		await cancelPlan(o.app, o.hr.user, planId, '离职');
		expect(
			await problemKeys(async () => await cancelPlan(o.app, o.hr.user, planId, '再取消一次'))
		).toEqual(['onboarding.error.alreadyCancelled']);
		expect((await planRow(o, planId)).cancelReason).toBe('离职');

		const again = await openDefaultPlan(o);
		await finishPlan(o, again);
		expect((await planRow(o, again)).status).toBe('cleared');
		expect(
			await problemKeys(async () => await cancelPlan(o.app, o.hr.user, again, '离职'))
		).toEqual(['onboarding.error.cancelCleared']);
		expect(await planRow(o, again)).toMatchObject({ status: 'cleared', cancelledAt: null });
	});

	it('takes the mentee off the mentor’s lists, ending the pairing but keeping the practicum log', async () => {
		const o = await office();
		const planId = await openDefaultPlan(o);
		await signDays(o, planId, [1, 2, 3]);
		const daysBefore = await o.app.db.select().from(practicumDay).all();
		expect((await listMyMentees(o.app, o.mentorA.user)).map((m) => m.planId)).toEqual([planId]);
		expect((await getHomeOnboarding(o.app, o.newHire.user))?.progress.planId).toBe(planId);

		await cancelPlan(o.app, o.managerA.user, planId, '员工离职');

		expect(await listMyMentees(o.app, o.mentorA.user)).toEqual([]);
		expect(await getHomeMentoring(o.app, o.mentorA.user)).toEqual({ mentees: [], toLogToday: 0 });
		expect(await getHomeOnboarding(o.app, o.newHire.user)).toBeNull();
		await expect(getMenteeLog(o.app, o.mentorA.user, planId)).rejects.toThrow(Forbidden);
		expect(
			await problemKeys(
				async () =>
					await recordPracticumDay(o.app, o.mentorA.user, planId, {
						dayNumber: 4,
						workDate: dayDate(4),
						tasks: ['cash_counting'],
						hours: 7,
						observations: ''
					})
			)
		).toEqual(['practicum.error.notPaired']);
		expect(await o.app.db.select().from(practicumDay).all()).toEqual(daysBefore);
		expect(daysBefore).toHaveLength(3);

		const detail = await getPlanDetail(o.app, o.hr.user, planId);
		expect(detail.log.map((d) => d.dayNumber)).toEqual([1, 2, 3]);
		expect(detail.progress).toMatchObject({ daysSigned: 3, mentor: null });
		expect(detail.pairings).toEqual([
			expect.objectContaining({ toDate: '2026-03-02', endReason: '员工离职' })
		]);
		expect(detail.pairings[0]!.mentor?.employeeNo).toBe(o.mentorA.row.employeeNo);
	});

	it('leaves the rate, the overdue list and the open plans, and is listed as cancelled', async () => {
		const o = await office();
		// Started in January, due in February: overdue today (2 March).
		const planId = (
			await openPlan(o.app, o.hr.user, {
				employeeNo: o.newHire.row.employeeNo,
				startDate: '2026-01-05',
				mentorEmployeeNo: o.mentorA.row.employeeNo
			})
		).planId;
		const before = await getOnboardingRate(o.app, o.hr.user, PERIOD);
		expect(before.counts).toMatchObject({ total: 1, overdue: 1 });
		expect(before.overdue.map((r) => r.planId)).toEqual([planId]);

		await cancelPlan(o.app, o.hr.user, planId, '员工离职');

		const after = await getOnboardingRate(o.app, o.hr.user, PERIOD);
		expect(after.counts).toEqual({
			total: 0,
			clearedOnTime: 0,
			clearedLate: 0,
			inProgress: 0,
			overdue: 0
		});
		expect(after.overdue).toEqual([]);
		const overview = await getOnboardingOverview(o.app, o.managerA.user);
		expect(overview.open).toEqual([]);
		expect(overview.cancelled.map((p) => p.planId)).toEqual([planId]);
		expect(overview.cancelled[0]).toMatchObject({
			status: 'cancelled',
			isOverdue: false,
			behindPace: false,
			cancellation: { reason: '员工离职' }
		});
	});

	it('lets the person be given a new plan afterwards', async () => {
		const o = await office();
		const first = await openDefaultPlan(o);
		await cancelPlan(o.app, o.hr.user, first, '导师安排有误，重新开启');
		expect(
			(await getOnboardingOverview(o.app, o.hr.user)).newHires.map((p) => p.employeeNo)
		).toEqual([o.newHire.row.employeeNo]);

		const second = (
			await openPlan(o.app, o.hr.user, {
				employeeNo: o.newHire.row.employeeNo,
				startDate: '2026-03-02',
				mentorEmployeeNo: o.mentorB.row.employeeNo
			})
		).planId;
		expect(second).not.toBe(first);
		expect((await planRow(o, second)).status).toBe('open');
		expect((await planRow(o, first)).status).toBe('cancelled');
		expect((await getHomeOnboarding(o.app, o.newHire.user))?.progress.planId).toBe(second);
		expect((await listMyMentees(o.app, o.mentorB.user)).map((m) => m.planId)).toEqual([second]);
	});
});
