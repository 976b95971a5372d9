import { describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../../src/lib/server/audit/service';
import {
	listOfficeDays,
	removeOfficeDay,
	setOfficeDay
} from '../../../src/lib/server/calendar/service';
import { Forbidden, Invalid, NotFound } from '../../../src/lib/server/errors';
import { getMenteeLog } from '../../../src/lib/server/mentoring/mentees';
import { recordPracticumDay } from '../../../src/lib/server/mentoring/practicum';
import { getPlanDetail } from '../../../src/lib/server/onboarding/detail';
import { openPlan } from '../../../src/lib/server/onboarding/plans';
import { SYSTEM_ACTOR } from '../../../src/lib/server/roster/service';
import { office, type Office } from '../onboarding/setup';

/** A plan starting Monday 28 Sep 2026, the week before National Day; today is Mon 12 Oct. */
async function autumnPlan(o: Office): Promise<number> {
	o.app.clock.set('2026-10-12T01:00:00Z');
	const { planId } = await openPlan(o.app, o.hr.user, {
		employeeNo: o.newHire.row.employeeNo,
		startDate: '2026-09-28',
		mentorEmployeeNo: o.mentorA.row.employeeNo
	});
	return planId;
}

const day = (dayNumber: number, workDate: string) => ({
	dayNumber,
	workDate,
	tasks: ['open_account'],
	hours: 7,
	observations: ''
});

async function problemKeys(work: () => Promise<unknown>): Promise<string[]> {
	try {
		await work();
	} catch (e) {
		if (e instanceof Invalid) return e.problems.map((p) => p.key);
		throw e;
	}
	return [];
}

describe('practicum days on the working calendar', () => {
	it('signs a day on the 调休 Saturday 10 Oct 2026 and refuses 1 Oct (National Day)', async () => {
		const o = await office();
		const planId = await autumnPlan(o);
		const sign = (n: number, date: string) => () =>
			recordPracticumDay(o.app, o.mentorA.user, planId, day(n, date));
		expect(await problemKeys(sign(1, '2026-10-01'))).toEqual(['practicum.error.notWorkingDay']);
		expect(await problemKeys(sign(1, '2026-10-05'))).toEqual(['practicum.error.notWorkingDay']);
		// An ordinary Sunday stays off; the Sunday 20 Sep 调休 is before the plan.
		expect(await problemKeys(sign(1, '2026-10-11'))).toEqual(['practicum.error.notWorkingDay']);
		expect(await problemKeys(sign(1, '2026-10-10'))).toEqual([]);
		const log = await getMenteeLog(o.app, o.mentorA.user, planId);
		expect(log.log.map((d) => d.workDate)).toEqual(['2026-10-10']);
	});

	it("counts the plan's due date over the National Day week", async () => {
		const o = await office();
		const planId = await autumnPlan(o);
		// 28–30 Sep are days 1–3, 1–7 Oct off, 8–10 Oct (Sat 10 worked) days 4–6, then 14 more:
		// Thursday 29 Oct, where Monday to Friday would have said Friday 23 Oct.
		expect((await getPlanDetail(o.app, o.hr.user, planId)).progress.dueDate).toBe('2026-10-29');
		// Today (12 Oct) to 29 Oct holds 14 working days: 15 days unsigned is behind pace, 14 not.
		expect((await getPlanDetail(o.app, o.hr.user, planId)).progress.behindPace).toBe(true);
		await recordPracticumDay(o.app, o.mentorA.user, planId, day(1, '2026-10-09'));
		expect((await getPlanDetail(o.app, o.hr.user, planId)).progress.behindPace).toBe(false);
	});

	it('proposes the next working day after the last signed day', async () => {
		const o = await office();
		const planId = await autumnPlan(o);
		expect((await getMenteeLog(o.app, o.mentorA.user, planId)).suggestedDate).toBe('2026-09-28');
		await recordPracticumDay(o.app, o.mentorA.user, planId, day(1, '2026-09-30'));
		expect((await getMenteeLog(o.app, o.mentorA.user, planId)).suggestedDate).toBe('2026-10-08');
		await recordPracticumDay(o.app, o.mentorA.user, planId, day(2, '2026-10-09'));
		expect((await getMenteeLog(o.app, o.mentorA.user, planId)).suggestedDate).toBe('2026-10-10');
	});
});

describe("the office's own days", () => {
	it('closes and opens days for practicum and due dates, with an audit trail', async () => {
		const o = await office();
		o.app.clock.set('2026-10-12T01:00:00Z');
		await setOfficeDay(o.app, o.hr.user, { day: '2026-09-29', working: false, note: '网点搬迁' });
		const planId = await autumnPlan(o);
		// One closed day moves the due date on by one working day (29 Oct without it).
		expect((await getPlanDetail(o.app, o.hr.user, planId)).progress.dueDate).toBe('2026-10-30');
		await setOfficeDay(o.app, o.hr.user, { day: '2026-10-11', working: true, note: '年度审计' });
		const sign = (n: number, date: string) => () =>
			recordPracticumDay(o.app, o.mentorA.user, planId, day(n, date));
		expect(await problemKeys(sign(1, '2026-09-29'))).toEqual(['practicum.error.notWorkingDay']);
		expect(await problemKeys(sign(1, '2026-10-11'))).toEqual([]);

		const listed = await listOfficeDays(o.app, o.hr.user);
		expect(listed.scheduledUntil).toBe(2026);
		expect(listed.days).toEqual([
			{
				day: '2026-09-29',
				working: false,
				note: '网点搬迁',
				stateCouncil: { working: true, holiday: null }
			},
			{
				day: '2026-10-11',
				working: true,
				note: '年度审计',
				stateCouncil: { working: false, holiday: null }
			}
		]);
		const events = await listAuditEvents(o.app, 10, 'calendar.change');
		expect(events.map((e) => e.target).sort()).toEqual(['day:2026-09-29', 'day:2026-10-11']);
		expect(events.every((e) => e.actorStaffId === o.hr.row.id)).toBe(true);
	});

	it('replaces a day, removes it back to the State Council schedule, and checks its input', async () => {
		const o = await office();
		await setOfficeDay(o.app, SYSTEM_ACTOR, { day: '2026-10-09', working: false, note: '' });
		await setOfficeDay(o.app, SYSTEM_ACTOR, { day: '2026-10-09', working: true, note: '改为上班' });
		expect((await listOfficeDays(o.app, SYSTEM_ACTOR)).days).toEqual([
			expect.objectContaining({ day: '2026-10-09', working: true, note: '改为上班' })
		]);
		await removeOfficeDay(o.app, SYSTEM_ACTOR, '2026-10-09');
		expect((await listOfficeDays(o.app, SYSTEM_ACTOR)).days).toEqual([]);
		await expect(removeOfficeDay(o.app, SYSTEM_ACTOR, '2026-10-09')).rejects.toThrow(NotFound);
		expect(
			await problemKeys(() =>
				setOfficeDay(o.app, SYSTEM_ACTOR, { day: '2026-02-30', working: false, note: '' })
			)
		).toEqual(['calendar.error.badDay']);
		expect(
			await problemKeys(() =>
				setOfficeDay(o.app, SYSTEM_ACTOR, {
					day: '2026-10-09',
					working: false,
					note: '长'.repeat(101)
				})
			)
		).toEqual(['calendar.error.noteTooLong']);
	});

	it('is for HR and admin (and the CLI) only', async () => {
		const o = await office();
		const input = { day: '2026-10-09', working: false, note: '' };
		for (const who of [o.mentorA.user, o.managerA.user, o.teller.user]) {
			await expect(setOfficeDay(o.app, who, input)).rejects.toThrow(Forbidden);
			await expect(listOfficeDays(o.app, who)).rejects.toThrow(Forbidden);
		}
		await expect(removeOfficeDay(o.app, o.managerA.user, '2026-10-09')).rejects.toThrow(Forbidden);
		expect((await listOfficeDays(o.app, o.hr.user)).days).toEqual([]);
	});
});
