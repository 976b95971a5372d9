import { recordAuditIn } from '../audit/service';
import { requireUser } from '../auth/guards';
import { canCountersignFor, managesOwnBranch, requirePermission } from '../auth/permissions';
import type { SessionUser } from '../auth/session';
import type { AppContext } from '../context';
import { inTransaction, type Db, type Tx } from '../db';
import type { OnboardingPlan, PracticumDay } from '../db/schema';
import { Forbidden, Invalid, NotFound } from '../errors';
import { evaluateClearance, selectPlanById } from '../onboarding/service';
import { selectStaffRowById } from '../org/service';
import * as data from './data';

type Actor = SessionUser | null | undefined;

async function loadCurrentDay(
	db: Db,
	dayId: number
): Promise<{ day: PracticumDay; plan: OnboardingPlan }> {
	const day = Number.isInteger(dayId) ? await data.selectDayById(db, dayId) : undefined;
	const plan = day ? await selectPlanById(db, day.planId) : undefined;
	if (!day || !plan) throw new NotFound(`practicum day ${dayId}`);
	return { day, plan };
}

async function requireCurrent(db: Db, day: PracticumDay): Promise<void> {
	if (!(await data.selectCurrentDays(db, day.planId)).some((d) => d.id === day.id)) {
		throw new Invalid([{ key: 'practicum.error.notCurrent' }]);
	}
}

/** The new hire confirms a signed day of their own log; once per entry. */
export async function acknowledgeDay(ctx: AppContext, actor: Actor, dayId: number): Promise<void> {
	const user = requireUser(actor);
	await inTransaction(ctx.db, (tx) => acknowledgeDayStep(ctx, tx, user, dayId));
}

/** `acknowledgeDay` as a step of the caller's transaction, for the signed-in `user`. */
export async function acknowledgeDayStep(
	ctx: AppContext,
	tx: Tx,
	user: SessionUser,
	dayId: number
): Promise<void> {
	const { day, plan } = await loadCurrentDay(tx, dayId);
	if (plan.staffId !== user.id) throw new Forbidden(`day ${dayId} is not the actor's`);
	await requireCurrent(tx, day);
	const added = await data.insertSignatureOnce(tx, {
		dayId: day.id,
		kind: 'mentee_ack',
		staffId: user.id,
		signedAt: ctx.clock.now()
	});
	if (!added) {
		throw new Invalid([
			{ key: 'practicum.error.alreadyAcknowledged', params: { day: day.dayNumber } }
		]);
	}
}

/**
 * The branch manager of the new hire's own branch countersigns the last practicum day, once.
 * Being HR or admin is not enough: the countersignature vouches for what happened in the branch,
 * so only someone who manages that branch may give it.
 */
export async function countersignFinalDay(
	ctx: AppContext,
	actor: Actor,
	dayId: number
): Promise<{ cleared: boolean }> {
	const user = requirePermission(actor, managesOwnBranch, 'countersigns for a branch');
	return await inTransaction(ctx.db, (tx) => countersignFinalDayStep(ctx, tx, user, dayId));
}

/** `countersignFinalDay` as a step of the caller's transaction; `user` manages a branch. */
export async function countersignFinalDayStep(
	ctx: AppContext,
	tx: Tx,
	user: SessionUser,
	dayId: number
): Promise<{ cleared: boolean }> {
	const { day, plan } = await loadCurrentDay(tx, dayId);
	const person = await selectStaffRowById(tx, plan.staffId);
	if (!person || !canCountersignFor(user, person.branchId)) {
		throw new Forbidden(`countersign of day ${dayId} outside own branch`);
	}
	if (plan.status !== 'open') throw new Invalid([{ key: 'practicum.error.planNotOpen' }]);
	if (day.dayNumber !== plan.practicumDaysRequired) {
		throw new Invalid([
			{ key: 'practicum.error.countersignFinalOnly', params: { day: plan.practicumDaysRequired } }
		]);
	}
	await requireCurrent(tx, day);
	const added = await data.insertSignatureOnce(tx, {
		dayId: day.id,
		kind: 'countersign',
		staffId: user.id,
		signedAt: ctx.clock.now()
	});
	if (!added) throw new Invalid([{ key: 'practicum.error.alreadyCountersigned' }]);
	await recordAuditIn(ctx, tx, {
		action: 'practicum.countersign',
		actorStaffId: user.id,
		target: `staff:${plan.staffId}`,
		detail: { planId: plan.id, dayId: day.id }
	});
	return { cleared: await evaluateClearance(ctx, tx, plan.staffId) };
}
