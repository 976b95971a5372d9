import { row, rows } from '../../../src/lib/server/db';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/lib/server/courses/loader';
import { syncCourses } from '../../../src/lib/server/courses/sync';
import { seedDemoExams } from '../../../src/lib/server/demo/exams';
import { seedDemoOnboarding } from '../../../src/lib/server/demo/onboarding';
import { seedDemoQuestionBanks } from '../../../src/lib/server/demo/questions';
import { seedDemoIfEmpty } from '../../../src/lib/server/demo/seed';
import { seedDemoSpot } from '../../../src/lib/server/demo/spot';
import { rebuildAttemptSummary } from '../../../src/lib/server/reports/attempt-summary';
import { runReport } from '../../../src/lib/server/reports/service';
import { SYSTEM_ACTOR } from '../../../src/lib/server/roster/actor';
import { createTestApp, type TestApp } from '../../helpers/app';

async function summary(app: TestApp) {
	return (await rows(
		app.db,
		`select exam_id as "examId", month, branch_id as "branchId", sat, passed
			 from attempt_month_summary order by exam_id, month, branch_id`
	)) as { sat: number }[];
}

// Seeding a year of demo history takes well over the default 20 s on a loaded machine.
describe('attempt_month_summary after demo seeding', { timeout: 180_000 }, () => {
	it('counts every demo attempt (they are submitted through submitAttempt), as a rebuild does', async () => {
		const app = await createTestApp({}, '2026-06-17T02:00:00Z');
		await syncCourses(app, loadContent(path.resolve('content')));
		await seedDemoIfEmpty(app);
		await seedDemoOnboarding(app);
		await seedDemoQuestionBanks(app);
		await seedDemoExams(app);
		await seedDemoSpot(app);

		const seeded = await summary(app);
		const { submitted } = (await row(
			app.db,
			`select count(*) as submitted from attempt where status = 'submitted'`
		)) as { submitted: number };
		expect(submitted).toBeGreaterThan(100);
		expect(seeded.reduce((n, r) => n + r.sat, 0)).toBe(submitted);
		await rebuildAttemptSummary(app.db);
		expect(await summary(app)).toEqual(seeded);
		// The demo's certification exam shows up in the certification trend.
		const trend = (
			await runReport(app, SYSTEM_ACTOR, 'certification', {
				from: '2025-07',
				to: '2026-06',
				branchCode: null,
				position: null,
				groupBy: 'branch_month'
			})
		).trend;
		expect(trend?.some((p) => p.office.den > 0)).toBe(true);
	});
});
