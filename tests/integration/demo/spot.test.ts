import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/lib/server/courses/loader';
import { syncCourses } from '../../../src/lib/server/courses/sync';
import { spotCampaign, staff } from '../../../src/lib/server/db/schema';
import { seedDemoExams } from '../../../src/lib/server/demo/exams';
import { seedDemoOnboarding } from '../../../src/lib/server/demo/onboarding';
import { seedDemoQuestionBanks } from '../../../src/lib/server/demo/questions';
import { seedDemoIfEmpty } from '../../../src/lib/server/demo/seed';
import { DEMO_SPOT_TELLER, seedDemoSpot } from '../../../src/lib/server/demo/spot';
import type { SessionUser } from '../../../src/lib/server/auth/session';
import { selectRolesOf } from '../../../src/lib/server/org/service';
import { getHomeSpot } from '../../../src/lib/server/spot/sitting';
import { getSpotStats } from '../../../src/lib/server/spot/views';
import { createTestApp } from '../../helpers/app';

async function seeded() {
	const app = await createTestApp({}, '2026-06-17T02:00:00Z');
	await syncCourses(app, loadContent(path.resolve('content')));
	await seedDemoIfEmpty(app);
	await seedDemoOnboarding(app);
	await seedDemoQuestionBanks(app);
	await seedDemoExams(app);
	await seedDemoSpot(app);
	return { app };
}

async function userOf(
	app: Awaited<ReturnType<typeof createTestApp>>,
	employeeNo: string
): Promise<SessionUser> {
	const row = (await app.db.select().from(staff).all()).find((s) => s.employeeNo === employeeNo)!;
	const roles = (await selectRolesOf(app.db, [row.id])).get(row.id) ?? [];
	return { ...row, roles, mustChangePassword: false, locale: null };
}

// Seeding a year of demo history takes well over the default 20 s on a loaded machine.
describe('demo spot exams', { timeout: 180_000 }, () => {
	it('runs 12 past months and an open current month, with ≈95% passing', async () => {
		const { app } = await seeded();
		const campaigns = await app.db.select().from(spotCampaign).all();
		expect(campaigns.map((c) => c.month).sort()).toEqual([
			'2025-06',
			'2025-07',
			'2025-08',
			'2025-09',
			'2025-10',
			'2025-11',
			'2025-12',
			'2026-01',
			'2026-02',
			'2026-03',
			'2026-04',
			'2026-05',
			'2026-06'
		]);
		const hr = await userOf(app, 'YZ0002');
		const stats = await getSpotStats(app, hr, { from: '2025-06', to: '2026-05' });
		const sum = (f: (t: (typeof stats)[number]['tally']) => number) =>
			stats.reduce((n, s) => n + f(s.tally), 0);
		const sat = sum((t) => t.sat);
		const passed = sum((t) => t.passed);
		expect(sat).toBeGreaterThan(100);
		expect(passed / sat).toBeGreaterThan(0.9);
		expect(passed / sat).toBeLessThan(0.99);
		expect(sum((t) => t.exempt) + sum((t) => t.absent)).toBeGreaterThan(0);
		// Some retests: final passes exceed first-try passes.
		expect(passed).toBeGreaterThan(sum((t) => t.firstTryPassed));
		// Running it again changes nothing.
		await seedDemoSpot(app);
		expect(await app.db.select().from(spotCampaign).all()).toHaveLength(13);
	});

	it('leaves the demo teller drawn in the open campaign and not yet sat', async () => {
		const { app } = await seeded();
		const teller = await userOf(app, DEMO_SPOT_TELLER);
		const home = await getHomeSpot(app, teller);
		expect(home).toHaveLength(1);
		expect(home[0]).toMatchObject({
			month: '2026-06',
			status: 'pending',
			attemptsUsed: 0,
			block: null
		});
		const current = await getSpotStats(app, await userOf(app, 'YZ0002'), {
			from: '2026-06',
			to: '2026-06'
		});
		const sat = current.reduce((n, s) => n + s.tally.sat, 0);
		const drawn = current.reduce((n, s) => n + s.tally.drawn, 0);
		expect(sat).toBeGreaterThan(0);
		expect(sat).toBeLessThan(drawn);
	});
});
