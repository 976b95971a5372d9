import { recordAuditIn } from '../audit/service';
import type { AppContext } from '../context';
import { officeDay } from '../../time/office';
import { inTransaction } from '../db';
import { Invalid } from '../errors';
import { endPairing, selectCurrentPairing } from '../mentoring/service';
import { getManagedPlan, type Actor } from './access';
import * as data from './data';
import { MAX_REASON } from './rules';

/**
 * Calls off an open plan (the new hire left, or the plan was opened for the wrong person): HR or
 * admin for any plan, a branch manager for their own branch's staff. The practicum log stays as
 * signed, the mentor pairing ends with the reason, and the person may be given a new plan later.
 */
export async function cancelPlan(
	ctx: AppContext,
	actor: Actor,
	planId: number,
	reason: string
): Promise<void> {
	await inTransaction(ctx.db, async (tx) => {
		const { user, plan, person } = await getManagedPlan(tx, actor, planId);
		if (plan.status === 'cleared') throw new Invalid([{ key: 'onboarding.error.cancelCleared' }]);
		if (plan.status === 'cancelled') {
			throw new Invalid([{ key: 'onboarding.error.alreadyCancelled' }]);
		}
		const why = reason.trim();
		if (!why || why.length > MAX_REASON) {
			throw new Invalid([
				{ key: 'onboarding.error.cancelReason', params: { max: MAX_REASON }, field: 'reason' }
			]);
		}
		const now = ctx.clock.now();
		const by = { cancelledAt: now, cancelledBy: user.id, cancelReason: why };
		// Guarded on the status, so a plan cleared in the meantime is never also cancelled.
		if (!(await data.markPlanCancelled(tx, plan.id, by))) {
			throw new Invalid([{ key: 'onboarding.error.planNotOpen' }]);
		}
		// Ending the pairing (not deleting it) takes the mentee off the mentor's lists and keeps
		// who mentored them, and until when, on record.
		const pairing = await selectCurrentPairing(tx, plan.id);
		if (pairing) await endPairing(tx, pairing.id, officeDay(now), why);
		await recordAuditIn(ctx, tx, {
			action: 'onboarding.plan_cancel',
			actorStaffId: user.id,
			target: `staff:${person.id}`,
			detail: { planId: plan.id, mentorId: pairing?.mentorId ?? null, reason: why }
		});
	});
}
