import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { mentorPairing, onboardingPlan } from '../../../src/lib/server/db/schema';
import { Forbidden } from '../../../src/lib/server/errors';
import { changeMentor, openPlan } from '../../../src/lib/server/onboarding/plans';
import { getPlanDetail } from '../../../src/lib/server/onboarding/detail';
import { office, openDefaultPlan, problemKeys, START } from './setup';

describe('opening an onboarding plan', () => {
	it('opens the plan with 40 seat hours, 15 practicum days, a due date and the pairing', async () => {
		const o = await office();
		const planId = await openDefaultPlan(o);
		const plan = (await o.app.db
			.select()
			.from(onboardingPlan)
			.where(eq(onboardingPlan.id, planId))
			.get())!;
		expect(plan).toMatchObject({
			staffId: o.newHire.row.id,
			startDate: START,
			seatHoursRequired: 40,
			practicumDaysRequired: 15,
			status: 'open',
			// the 20th working day from the start: 15 practicum days plus a working week, counted
			// over the Spring Festival (15–23 Feb off, Saturdays 14 and 28 Feb worked)
			dueDate: '2026-03-09'
		});
		const pairings = await o.app.db.select().from(mentorPairing).all();
		expect(pairings).toEqual([
			expect.objectContaining({
				mentorId: o.mentorA.row.id,
				menteeId: o.newHire.row.id,
				toDate: null
			})
		]);
	});

	it('refuses someone who is not a new hire, or already has an open plan', async () => {
		const o = await office();
		const input = { startDate: START, mentorEmployeeNo: o.mentorA.row.employeeNo };
		expect(
			await problemKeys(
				async () =>
					await openPlan(o.app, o.hr.user, { ...input, employeeNo: o.teller.row.employeeNo })
			)
		).toEqual(['onboarding.error.notNewHire']);
		await openDefaultPlan(o);
		expect(await problemKeys(async () => await openDefaultPlan(o))).toEqual([
			'onboarding.error.planExists'
		]);
		expect(await o.app.db.select().from(onboardingPlan).all()).toHaveLength(1);
	});

	it('refuses a mentor without the mentor role, the new hire as their own mentor, a bad date', async () => {
		const o = await office();
		const base = { employeeNo: o.newHire.row.employeeNo, startDate: START };
		expect(
			await problemKeys(
				async () =>
					await openPlan(o.app, o.hr.user, { ...base, mentorEmployeeNo: o.teller.row.employeeNo })
			)
		).toEqual(['onboarding.error.notMentor']);
		expect(
			await problemKeys(
				async () =>
					await openPlan(o.app, o.hr.user, { ...base, mentorEmployeeNo: o.newHire.row.employeeNo })
			)
		).toEqual(['onboarding.error.selfMentor']);
		expect(
			await problemKeys(
				async () =>
					await openPlan(o.app, o.hr.user, {
						...base,
						startDate: '2026-02-30',
						mentorEmployeeNo: o.mentorA.row.employeeNo
					})
			)
		).toEqual(['onboarding.error.badStart']);
		expect(await o.app.db.select().from(onboardingPlan).all()).toHaveLength(0);
	});

	it('allows another branch’s mentor but says so', async () => {
		const o = await office();
		const result = await openPlan(o.app, o.hr.user, {
			employeeNo: o.newHire.row.employeeNo,
			startDate: START,
			mentorEmployeeNo: o.mentorB.row.employeeNo
		});
		expect(result.crossBranchMentor).toBe(true);
	});

	it('lets the new hire’s own branch manager open it, and refuses another branch’s', async () => {
		const o = await office();
		const input = {
			employeeNo: o.newHire.row.employeeNo,
			startDate: START,
			mentorEmployeeNo: o.mentorA.row.employeeNo
		};
		await expect(openPlan(o.app, o.managerB.user, input)).rejects.toThrow(Forbidden);
		await expect(openPlan(o.app, o.mentorA.user, input)).rejects.toThrow(Forbidden);
		expect(await o.app.db.select().from(onboardingPlan).all()).toHaveLength(0);
		expect((await openPlan(o.app, o.managerA.user, input)).planId).toBeGreaterThan(0);
		await expect(getPlanDetail(o.app, o.managerB.user, 1)).rejects.toThrow(Forbidden);
	});
});

describe('changing mentor', () => {
	it('ends the current pairing with the reason and starts a new one, keeping history', async () => {
		const o = await office();
		const planId = await openDefaultPlan(o);
		expect(
			await problemKeys(
				async () =>
					await changeMentor(o.app, o.hr.user, planId, {
						mentorEmployeeNo: o.mentorB.row.employeeNo,
						reason: ' '
					})
			)
		).toEqual(['onboarding.error.reasonRequired']);
		expect(
			await problemKeys(
				async () =>
					await changeMentor(o.app, o.hr.user, planId, {
						mentorEmployeeNo: o.mentorA.row.employeeNo,
						reason: '休假'
					})
			)
		).toEqual(['onboarding.error.sameMentor']);
		await changeMentor(o.app, o.hr.user, planId, {
			mentorEmployeeNo: o.mentorB.row.employeeNo,
			reason: '原导师休产假'
		});
		const history = (await getPlanDetail(o.app, o.hr.user, planId)).pairings;
		expect(history).toHaveLength(2);
		expect(history[0]).toMatchObject({ toDate: '2026-03-02', endReason: '原导师休产假' });
		expect(history[1]).toMatchObject({ fromDate: '2026-03-02', toDate: null });
		expect(history[1]!.mentor?.employeeNo).toBe(o.mentorB.row.employeeNo);
	});
});
