/**
 * Demo generation only: sits a spot exam through the real services (startSpotAttempt, saveAnswer,
 * submitAttempt), each step at its own moment, getting `wrong` questions wrong on purpose.
 */
import type { SessionUser } from '../auth/session';
import type { AppContext } from '../context';
import type { Attempt } from '../db/schema';
import { answerAndSubmit, at } from '../exams/service';
import type { Rng } from '../rng';
import { startSpotAttempt } from './sitting';

export async function sitSpotDemo(
	ctx: AppContext,
	rng: Rng,
	s: { user: SessionUser; campaignId: number; startAt: number; minutes: number; wrong: number }
): Promise<Attempt> {
	const attempt = await startSpotAttempt(
		at(ctx, s.startAt),
		s.user,
		s.campaignId,
		() => `demo-spot-${s.campaignId}-${s.user.employeeNo}-${s.startAt}`
	);
	return await answerAndSubmit(ctx, rng, attempt, s);
}
