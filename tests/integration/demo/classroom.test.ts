import path from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/lib/server/courses/loader';
import { syncCourses } from '../../../src/lib/server/courses/sync';
import { officeDay } from '../../../src/lib/time/office';
import {
	classSession,
	hourEntry,
	sessionAttendance,
	sessionEnrolment,
	staff
} from '../../../src/lib/server/db/schema';
import { DEMO_TODAY_TITLE, seedDemoClassroom } from '../../../src/lib/server/demo/classroom';
import { seedDemoIfEmpty } from '../../../src/lib/server/demo/seed';
import { createTestApp, type TestApp } from '../../helpers/app';

async function demoOffice(at: string): Promise<TestApp> {
	const app = await createTestApp({}, at);
	await syncCourses(app, loadContent(path.resolve('content')));
	await seedDemoIfEmpty(app);
	return app;
}

async function centralizedHours(app: TestApp): Promise<number[]> {
	const totals = new Map<number, number>();
	for (const p of await app.db.select({ id: staff.id }).from(staff).all()) totals.set(p.id, 0);
	for (const e of await app.db
		.select()
		.from(hourEntry)
		.where(eq(hourEntry.kind, 'centralized'))
		.all()) {
		totals.set(e.staffId, (totals.get(e.staffId) ?? 0) + e.hours);
	}
	return [...totals.values()];
}

// Seeding a year of demo history takes well over the default 20 s on a loaded machine.
describe('demo classroom', { timeout: 180_000 }, () => {
	it('fills the year with sessions, ~90% attendance and realistic hours by late November', async () => {
		const app = await demoOffice('2026-11-25T02:00:00Z');
		await seedDemoClassroom(app);

		const now = app.clock.now();
		const sessions = await app.db.select().from(classSession).all();
		const past = sessions.filter((s) => s.endsAt <= now);
		const upcoming = sessions.filter((s) => s.endsAt > now);
		expect(past.length).toBeGreaterThanOrEqual(80);
		expect(upcoming.length).toBeGreaterThanOrEqual(5);
		expect(
			sessions.every(
				(s) => (s.classHours >= 2 && s.classHours <= 3) || s.title === DEMO_TODAY_TITLE
			)
		).toBe(true);

		const enrolments = await app.db.select().from(sessionEnrolment).all();
		const attendance = await app.db.select().from(sessionAttendance).all();
		const pastIds = new Set(past.map((s) => s.id));
		const pastEnrolments = enrolments.filter((e) => pastIds.has(e.sessionId)).length;
		const rate = attendance.length / pastEnrolments;
		expect(rate).toBeGreaterThan(0.85);
		expect(rate).toBeLessThan(0.95);
		expect(attendance.every((a) => pastIds.has(a.sessionId))).toBe(true);
		expect(new Set(attendance.map((a) => a.method))).toEqual(new Set(['code', 'roster']));

		// Every attendance credited once, on the session's office day.
		const entries = await app.db
			.select()
			.from(hourEntry)
			.where(eq(hourEntry.source, 'session'))
			.all();
		expect(entries).toHaveLength(attendance.length);
		const byId = new Map(sessions.map((s) => [s.id, s]));
		for (const e of entries.slice(0, 200)) {
			const session = byId.get(Number(e.sourceRef!.slice('session:'.length)))!;
			expect(e.earnedOn).toBe(officeDay(session.startsAt));
			expect(e.hours).toBe(session.classHours);
		}

		const hours = (await centralizedHours(app)).filter((h) => h > 0);
		const within = hours.filter((h) => h >= 40 && h <= 62).length / hours.length;
		expect(within).toBeGreaterThan(0.7);
		expect(hours.filter((h) => h < 40).length).toBeGreaterThan(10);
		expect(Math.max(...hours)).toBeLessThanOrEqual(65);
	});

	it('has a session under way now for the demo trainer, and upcoming ones for the teller', async () => {
		const app = await demoOffice('2026-03-02T01:07:00Z');
		await seedDemoClassroom(app);
		const now = app.clock.now();
		const trainer = (await app.db
			.select()
			.from(staff)
			.where(eq(staff.employeeNo, 'YZ0003'))
			.get())!;
		const teller = (await app.db.select().from(staff).where(eq(staff.employeeNo, 'YZ0140')).get())!;
		const today = (await app.db
			.select()
			.from(classSession)
			.where(eq(classSession.title, DEMO_TODAY_TITLE))
			.get())!;
		expect(today.trainerId).toBe(trainer.id);
		expect(today.startsAt).toBeLessThanOrEqual(now);
		expect(today.endsAt - now).toBeGreaterThan(2 * 3_600_000);
		const tellerSessions = (
			await app.db
				.select({ id: sessionEnrolment.sessionId })
				.from(sessionEnrolment)
				.where(eq(sessionEnrolment.staffId, teller.id))
				.all()
		).map((r) => r.id);
		expect(tellerSessions).not.toContain(today.id);
		const sessions = await app.db.select().from(classSession).all();
		const tellerUpcoming = sessions.filter((s) => tellerSessions.includes(s.id) && s.endsAt > now);
		expect(tellerUpcoming.length).toBeGreaterThanOrEqual(1);
	});

	it('is deterministic for a date and does nothing the second time', async () => {
		const summary = async (app: TestApp) => ({
			sessions: (await app.db.select().from(classSession).all()).map((s) => [s.title, s.startsAt]),
			attendance: (await app.db.select().from(sessionAttendance).all()).length
		});
		const a = await demoOffice('2026-06-10T02:00:00Z');
		const b = await demoOffice('2026-06-10T02:00:00Z');
		await seedDemoClassroom(a);
		await seedDemoClassroom(b);
		expect(await summary(a)).toEqual(await summary(b));
		await seedDemoClassroom(a);
		expect(await summary(a)).toEqual(await summary(b));
	});
});
