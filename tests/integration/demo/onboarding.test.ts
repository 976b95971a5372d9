import path from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/lib/server/courses/loader';
import { syncCourses } from '../../../src/lib/server/courses/sync';
import { officeDay } from '../../../src/lib/time/office';
import { onboardingPlan, mentorPairing, staff } from '../../../src/lib/server/db/schema';
import { seedDemoOnboarding } from '../../../src/lib/server/demo/onboarding';
import { seedDemoIfEmpty } from '../../../src/lib/server/demo/seed';
import { getClearanceStatus } from '../../../src/lib/server/onboarding/clearance';
import { countOnboardingRate } from '../../../src/lib/server/onboarding/rules';
import { createTestApp } from '../../helpers/app';
import { selectCurrentDays } from '../../../src/lib/server/mentoring/service';

async function seeded(start = '2026-03-04T02:00:00Z') {
	const app = await createTestApp({}, start);
	await syncCourses(app, loadContent(path.resolve('content')));
	await seedDemoIfEmpty(app);
	const began = performance.now();
	await seedDemoOnboarding(app);
	return { app, ms: performance.now() - began };
}

const byNo = async (app: Awaited<ReturnType<typeof seeded>>['app'], no: string) =>
	(await app.db.select().from(staff).where(eq(staff.employeeNo, no)).get())!;

describe('demo onboarding', () => {
	it('gives every new hire a plan with a same-branch mentor, quickly', async () => {
		const { app, ms } = await seeded();
		expect(ms).toBeLessThan(3000);
		const plans = await app.db.select().from(onboardingPlan).all();
		const open = plans.filter((p) => p.status === 'open');
		const newHires = await app.db.select().from(staff).where(eq(staff.status, 'onboarding')).all();
		expect(open.map((p) => p.staffId).sort()).toEqual(newHires.map((p) => p.id).sort());
		expect(newHires).toHaveLength(9);
		const firstPairings = await app.db.select().from(mentorPairing).all();
		for (const hire of newHires) {
			const first = firstPairings.find((p) => p.menteeId === hire.id)!;
			const mentor = (await app.db.select().from(staff).where(eq(staff.id, first.mentorId)).get())!;
			expect(mentor.branchId, hire.employeeNo).toBe(hire.branchId);
		}
		// One mentor change, with its history kept.
		expect(firstPairings.filter((p) => p.endReason)).toHaveLength(1);
	});

	it('leaves YZ0141 mid-way with YZ0139 as mentor and a next day to sign', async () => {
		const { app } = await seeded();
		const hire = await byNo(app, 'YZ0141');
		expect(hire.status).toBe('onboarding');
		const plan = (await app.db
			.select()
			.from(onboardingPlan)
			.where(eq(onboardingPlan.staffId, hire.id))
			.get())!;
		const pairing = (await app.db
			.select()
			.from(mentorPairing)
			.where(eq(mentorPairing.planId, plan.id))
			.get())!;
		expect(pairing.mentorId).toBe((await byNo(app, 'YZ0139')).id);
		const days = await selectCurrentDays(app.db, plan.id);
		expect(days.map((d) => d.dayNumber)).toEqual([1, 2, 3, 4, 5, 6]);
		const today = officeDay(app.clock.now());
		expect(days.every((d) => d.workDate < today)).toBe(true);
		const status = (await getClearanceStatus(app, hire.id))!;
		expect(status.ready).toBe(false);
		expect(status.seatHoursDone).toBeGreaterThan(0);
	});

	it('clears earlier hires through the rule, so the rate has real numbers', async () => {
		const { app } = await seeded();
		const plans = await app.db.select().from(onboardingPlan).all();
		const cleared = plans.filter((p) => p.status === 'cleared');
		expect(cleared).toHaveLength(5);
		for (const plan of cleared) {
			const person = (await app.db.select().from(staff).where(eq(staff.id, plan.staffId)).get())!;
			expect(person.status).toBe('active');
			expect(person.hireDate).toBe(plan.startDate);
		}
		const counts = countOnboardingRate(plans, officeDay(app.clock.now()));
		expect(counts).toMatchObject({ total: 14, clearedOnTime: 4, clearedLate: 1 });
		expect(counts.overdue).toBeGreaterThanOrEqual(1);
	});

	it('is deterministic and runs once', async () => {
		const a = (await seeded()).app;
		const b = (await seeded()).app;
		const snapshot = async (app: typeof a) =>
			(await app.db.select().from(onboardingPlan).all()).map((p) => [
				p.staffId,
				p.status,
				p.clearedOn
			]);
		expect(await snapshot(a)).toEqual(await snapshot(b));
		await seedDemoOnboarding(a);
		expect(await a.db.select().from(onboardingPlan).all()).toHaveLength(14);
	});

	it('works when today is a weekend', async () => {
		const { app } = await seeded('2026-03-07T02:00:00Z');
		expect(await app.db.select().from(onboardingPlan).all()).toHaveLength(14);
	});
});
