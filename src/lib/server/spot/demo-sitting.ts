/**
 * Demo generation only: sits a spot exam through the real services (startSpotAttempt, saveAnswer,
 * submitAttempt), each step at its own moment, getting `wrong` questions wrong on purpose.
 */
import type { SessionUser } from '../auth/session';
import type { AppContext } from '../context';
import type { Attempt } from '../db/schema';
import { demoAnswer } from '../exams/demo-answers';
import { selectVersions } from '../exams/queries';
import { saveAnswer } from '../exams/save-answer';
import { submitAttempt } from '../exams/submit';
import type { PaperItem } from '../exams/types';
import type { Rng } from '../rng';
import { startSpotAttempt } from './sitting';

export const at = (ctx: AppContext, t: number): AppContext => ({ ...ctx, clock: { now: () => t } });

export function sitSpotDemo(
	ctx: AppContext,
	rng: Rng,
	s: { user: SessionUser; campaignId: number; startAt: number; minutes: number; wrong: number }
): Attempt {
	const attempt = startSpotAttempt(
		at(ctx, s.startAt),
		s.user,
		s.campaignId,
		() => `demo-spot-${s.campaignId}-${s.user.employeeNo}-${s.startAt}`
	);
	const items = attempt.paper as PaperItem[];
	const versions = selectVersions(
		ctx.db,
		items.map((i) => i.versionId)
	);
	const wrong = new Set(rng.shuffle(items.map((_, i) => i)).slice(0, s.wrong));
	const step = (s.minutes * 60_000) / (items.length + 1);
	items.forEach((item, i) => {
		const answer = demoAnswer(item, versions.get(item.versionId)!, !wrong.has(i), rng);
		saveAnswer(at(ctx, s.startAt + Math.round(step * (i + 1))), s.user, attempt.id, {
			position: i + 1,
			answer,
			seq: i + 1
		});
	});
	return submitAttempt(at(ctx, s.startAt + s.minutes * 60_000), s.user, attempt.id);
}
