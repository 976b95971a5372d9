import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/lib/server/courses/loader';
import { syncCourses } from '../../../src/lib/server/courses/sync';
import { lessonCompletion, lessonStudy } from '../../../src/lib/server/db/schema';
import { seedDemoLearning } from '../../../src/lib/server/demo/learning';
import { seedDemoIfEmpty } from '../../../src/lib/server/demo/seed';
import { seedDemoStudyTime } from '../../../src/lib/server/demo/study-time';
import { createTestApp } from '../../helpers/app';

describe('demo study time', { timeout: 180_000 }, () => {
	it('gives every demo completion its minimum time or a little more, once', async () => {
		const app = await createTestApp();
		await syncCourses(app, loadContent(path.resolve('content')));
		await seedDemoIfEmpty(app);
		await seedDemoLearning(app);
		await seedDemoStudyTime(app);
		await seedDemoStudyTime(app); // a second run adds nothing

		const completions = await app.db.select().from(lessonCompletion).all();
		const study = await app.db.select().from(lessonStudy).all();
		expect(completions.length).toBeGreaterThan(100);
		expect(study).toHaveLength(completions.length);
		const byKey = new Map(study.map((s) => [`${s.staffId}|${s.courseId}|${s.lessonKey}`, s]));
		for (const c of completions) {
			const s = byKey.get(`${c.staffId}|${c.courseId}|${c.lessonKey}`);
			expect(s?.lastBeatAt).toBe(c.completedAt);
			// Remote and self-study lessons here are 0.5 to 2 class hours: 15 to 96 minutes at 50%.
			expect(s!.spentMs).toBeGreaterThanOrEqual(15 * 60_000);
			expect(s!.spentMs).toBeLessThanOrEqual(2 * 60 * 60_000 * 0.5 * 1.6);
		}
	});
});
