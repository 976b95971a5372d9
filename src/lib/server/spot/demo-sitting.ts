/**
 * Demo generation only: sits a spot exam through the real services (startSpotAttempt, saveAnswer,
 * submitAttempt as steps of the caller's transaction), each step at its own moment, getting `wrong` questions wrong on purpose.
 */
import type { SessionUser } from '../auth/session';
import type { AppContext } from '../context';
import type { Tx } from '../db';
import type { Attempt } from '../db/schema';
import { answerAndSubmit, at } from '../exams/service';
import type { Rng } from '../rng';
import { startSpotAttemptStep } from './sitting';

export async function sitSpotDemo(
	ctx: AppContext,
	tx: Tx,
	rng: Rng,
	s: { user: SessionUser; campaignId: number; startAt: number; minutes: number; wrong: number }
): Promise<Attempt> {
	const attempt = await startSpotAttemptStep(
		at(ctx, s.startAt),
		tx,
		s.user,
		s.campaignId,
		() => `demo-spot-${s.campaignId}-${s.user.employeeNo}-${s.startAt}`
	);
	return await answerAndSubmit(ctx, tx, rng, attempt, s);
}
