import type { AppContext } from '../context';
import { listCompletionsWithoutStudy, recordStudiedTime } from '../courses/service';
import { inTransaction } from '../db';
import { createRng } from '../rng';

const SEED = 'qualify-demo-study-time-v1';

/**
 * The time behind the demo's completed lessons: each took its minimum and a bit more (up to
 * 60% over, in whole seconds), ending when it was completed, so the study-time page shows
 * what an office's would. Deterministic: a seeded rng over completions in id order.
 */
export async function seedDemoStudyTime(ctx: AppContext): Promise<void> {
	const rng = createRng(SEED);
	const done = await listCompletionsWithoutStudy(ctx);
	await inTransaction(ctx.db, async (tx) => {
		for (const c of done) {
			const spentMs = Math.round((c.requiredMs * (1 + rng.next() * 0.6)) / 1000) * 1000;
			await recordStudiedTime(ctx, tx, {
				staffId: c.staffId,
				courseId: c.courseId,
				lessonKey: c.lessonKey,
				spentMs,
				startedAt: c.completedAt - Math.round(spentMs * 1.1),
				lastBeatAt: c.completedAt
			});
		}
	});
}
