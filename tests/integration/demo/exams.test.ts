import path from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/lib/server/courses/loader';
import { syncCourses } from '../../../src/lib/server/courses/sync';
import { attempt, examDefinition, onboardingPlan, staff } from '../../../src/lib/server/db/schema';
import { seedDemoExams } from '../../../src/lib/server/demo/exams';
import { seedDemoOnboarding } from '../../../src/lib/server/demo/onboarding';
import { seedDemoQuestionBanks } from '../../../src/lib/server/demo/questions';
import { seedDemoIfEmpty } from '../../../src/lib/server/demo/seed';
import { getClearanceStatus } from '../../../src/lib/server/onboarding/clearance';
import { officeDayStart } from '../../../src/lib/time/office';
import { createTestApp } from '../../helpers/app';

async function seeded() {
	const app = await createTestApp({}, '2026-06-17T02:00:00Z');
	await syncCourses(app, loadContent(path.resolve('content')));
	await seedDemoIfEmpty(app);
	await seedDemoOnboarding(app);
	await seedDemoQuestionBanks(app);
	await seedDemoExams(app);
	return { app };
}

// Seeding a year of demo history takes well over the default 20 s on a loaded machine.
describe('demo exams', { timeout: 180_000 }, () => {
	it('defines a practice quiz per course, the onboarding and the certification exam', async () => {
		const { app } = await seeded();
		const exams = await app.db.select().from(examDefinition).all();
		const practice = exams.filter((e) => e.purpose === 'practice');
		expect(new Set(practice.map((e) => e.courseId)).size).toBe(4);
		expect(practice.some((e) => e.lessonKey !== null)).toBe(true);
		expect(exams.find((e) => e.purpose === 'onboarding')).toMatchObject({
			title: '岗前培训结业考试',
			timeLimitMinutes: 30,
			passMark: 80,
			attemptsAllowed: 3
		});
		const cert = exams.find((e) => e.purpose === 'certification')!;
		expect(cert).toMatchObject({ title: '储蓄业务职业鉴定', passMark: 60, timeLimitMinutes: 60 });
		expect(cert.windowOpensAt).toBe(officeDayStart('2026-06-01'));
		expect(cert.windowClosesAt).toBe(officeDayStart('2026-07-01'));
		// Running it again changes nothing.
		await seedDemoExams(app);
		expect(await app.db.select().from(examDefinition).all()).toHaveLength(exams.length);
	});

	it('leaves ~40 staff with submitted attempts, about 92% passing the certification', async () => {
		const { app } = await seeded();
		const all = await app.db.select().from(attempt).all();
		expect(all.every((a) => a.status === 'submitted')).toBe(true);
		const cert = (await app.db
			.select()
			.from(examDefinition)
			.where(eq(examDefinition.purpose, 'certification'))
			.get())!;
		const sat = all.filter((a) => a.examId === cert.id);
		expect(sat).toHaveLength(40);
		const rate = sat.filter((a) => a.passed).length / sat.length;
		expect(rate).toBeGreaterThan(0.88);
		expect(rate).toBeLessThan(0.96);
		expect(sat.every((a) => a.startedAt >= cert.windowOpensAt!)).toBe(true);
		const practised = all.filter((a) => a.examId !== cert.id);
		expect(new Set(practised.map((a) => a.staffId)).size).toBeGreaterThanOrEqual(40);
	});

	it('is deterministic', async () => {
		const pick = (a: typeof attempt.$inferSelect) => [a.examId, a.staffId, a.startedAt, a.score];
		const one = (await (await seeded()).app.db.select().from(attempt).all()).map(pick);
		const two = (await (await seeded()).app.db.select().from(attempt).all()).map(pick);
		expect(two).toEqual(one);
	});

	it('keeps the clearance story: the cleared passed the exam first, the journey hire has not', async () => {
		const { app } = await seeded();
		const onboardingExam = (await app.db
			.select()
			.from(examDefinition)
			.where(eq(examDefinition.purpose, 'onboarding'))
			.get())!;
		const cleared = await app.db
			.select()
			.from(onboardingPlan)
			.where(eq(onboardingPlan.status, 'cleared'))
			.all();
		expect(cleared.length).toBeGreaterThan(0);
		for (const plan of cleared) {
			const passed = (
				await app.db.select().from(attempt).where(eq(attempt.staffId, plan.staffId)).all()
			).filter((a) => a.examId === onboardingExam.id && a.passed);
			expect(passed.length, `plan ${plan.id}`).toBe(1);
			expect(passed[0]!.submittedAt!).toBeLessThan(plan.clearedAt!);
			expect(passed[0]!.startedAt).toBeGreaterThanOrEqual(officeDayStart(plan.startDate));
		}
		const journey = (await app.db
			.select()
			.from(staff)
			.where(eq(staff.employeeNo, 'YZ0141'))
			.get())!;
		expect(await getClearanceStatus(app, journey.id)).toMatchObject({
			examRequired: true,
			examPassed: false,
			ready: false
		});
		expect(
			await app.db.select().from(attempt).where(eq(attempt.staffId, journey.id)).all()
		).toHaveLength(0);
	});
});
