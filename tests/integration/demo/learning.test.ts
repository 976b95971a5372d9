import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/lib/server/courses/loader';
import { syncCourses } from '../../../src/lib/server/courses/sync';
import { hourEntry, lessonCompletion, staff } from '../../../src/lib/server/db/schema';
import { seedDemoLearning } from '../../../src/lib/server/demo/learning';
import { seedDemoIfEmpty } from '../../../src/lib/server/demo/seed';
import { createTestApp } from '../../helpers/app';

async function demoApp(start?: string) {
	const app = await createTestApp({}, start);
	await syncCourses(app, loadContent(path.resolve('content')));
	await seedDemoIfEmpty(app);
	return app;
}

async function ledger(app: Awaited<ReturnType<typeof demoApp>>) {
	return await app.db.select().from(hourEntry).all();
}

// Seeding a year of demo history takes well over the default 20 s on a loaded machine.
describe('demo learning seed', { timeout: 180_000 }, () => {
	it('spreads remote hours realistically: most on pace, some behind, a few done', async () => {
		const app = await demoApp();
		await seedDemoLearning(app);

		const people = await app.db.select().from(staff).all();
		const active = people.filter((p) => p.status === 'active');
		const entries = await ledger(app);
		const remote = new Map<number, number>();
		for (const e of entries.filter((e) => e.kind === 'remote')) {
			remote.set(e.staffId, (remote.get(e.staffId) ?? 0) + e.hours);
		}
		// 2026-03-02 in Shanghai: 61 of 365 days gone.
		const pace = (40 * 61) / 365;
		const behind = active.filter((p) => (remote.get(p.id) ?? 0) < pace - 1e-9).length;
		const done = active.filter((p) => (remote.get(p.id) ?? 0) >= 40).length;
		expect(behind / active.length).toBeGreaterThan(0.08);
		expect(behind / active.length).toBeLessThan(0.25);
		expect(done).toBeGreaterThanOrEqual(5);
		expect(remote.size / active.length).toBeGreaterThan(0.85);
	});

	it('stays within this year up to today and leaves others’ kinds and new hires alone', async () => {
		const app = await demoApp();
		await seedDemoLearning(app);
		const entries = await ledger(app);
		expect(entries.every((e) => e.earnedOn >= '2026-01-01' && e.earnedOn <= '2026-03-02')).toBe(
			true
		);
		expect(entries.every((e) => e.recordedAt <= app.clock.now())).toBe(true);
		expect(entries.some((e) => e.kind === 'centralized' || e.kind === 'onboarding')).toBe(false);
		const newHires = new Set(
			(await app.db.select().from(staff).all())
				.filter((p) => p.status !== 'active')
				.map((p) => p.id)
		);
		expect(entries.some((e) => newHires.has(e.staffId))).toBe(false);
		// Every lesson entry matches exactly one completion: credited once, through the rule.
		const completions = await app.db.select().from(lessonCompletion).all();
		expect(entries.filter((e) => e.source === 'lesson')).toHaveLength(completions.length);
		expect(entries.some((e) => e.kind === 'self_study' && e.source === 'lesson')).toBe(true);
	});

	it('adds manual entries with reasons and two corrections that point at them', async () => {
		const app = await demoApp();
		await seedDemoLearning(app);
		const entries = await ledger(app);
		const manual = entries.filter((e) => e.source === 'manual');
		expect(manual.length).toBeGreaterThanOrEqual(8);
		expect(manual.every((e) => (e.reason ?? '').length > 4 && e.recordedBy !== null)).toBe(true);
		const corrections = entries.filter((e) => e.source === 'correction');
		expect(corrections).toHaveLength(2);
		for (const c of corrections) {
			expect(manual.some((m) => m.id === c.correctsEntryId)).toBe(true);
			expect(c.hours).toBe(-1);
		}
	});

	it('is deterministic and seeds only once', async () => {
		const a = await demoApp();
		const b = await demoApp();
		await seedDemoLearning(a);
		await seedDemoLearning(b);
		const shape = async (app: typeof a) =>
			(await ledger(app)).map((e) => [
				e.staffId,
				e.kind,
				e.hours,
				e.earnedOn,
				e.source,
				e.sourceRef
			]);
		expect(await shape(a)).toEqual(await shape(b));
		const before = (await ledger(a)).length;
		await seedDemoLearning(a);
		expect(await ledger(a)).toHaveLength(before);
	});

	it('works late in the year too, with more people complete', async () => {
		const app = await demoApp('2026-11-20T02:00:00Z');
		await seedDemoLearning(app);
		const entries = await ledger(app);
		expect(entries.every((e) => e.earnedOn <= '2026-11-20')).toBe(true);
		const remote = new Map<number, number>();
		for (const e of entries.filter((e) => e.kind === 'remote')) {
			remote.set(e.staffId, (remote.get(e.staffId) ?? 0) + e.hours);
		}
		expect([...remote.values()].filter((h) => h >= 40).length).toBeGreaterThan(50);
	});
});
