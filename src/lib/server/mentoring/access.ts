import { canMentor, requirePermission } from '../auth/permissions';
import type { SessionUser } from '../auth/session';
import type { Db } from '../db';
import type { MentorPairing, OnboardingPlan } from '../db/schema';
import { Forbidden, Invalid, NotFound } from '../errors';
import { selectPlanById } from '../onboarding/service';
import { selectCurrentPairing } from './data';

type Actor = SessionUser | null | undefined;

export interface MentoredPlan {
	user: SessionUser;
	plan: OnboardingPlan;
	pairing: MentorPairing;
}

/**
 * The plan of one of the actor's current mentees. A mentor who is not (or no longer) paired is
 * refused: on a page as forbidden, on a write with a message saying why (`onWrite`).
 */
export async function getMentoredPlan(
	db: Db,
	actor: Actor,
	planId: number,
	onWrite = false
): Promise<MentoredPlan> {
	const user = requirePermission(actor, canMentor, 'mentors');
	const plan = Number.isInteger(planId) ? await selectPlanById(db, planId) : undefined;
	if (!plan) throw new NotFound(`plan ${planId}`);
	const pairing = await selectCurrentPairing(db, plan.id);
	if (!pairing || pairing.mentorId !== user.id) {
		if (onWrite) throw new Invalid([{ key: 'practicum.error.notPaired' }]);
		throw new Forbidden(`not the mentor of plan ${planId}`);
	}
	return { user, plan, pairing };
}
