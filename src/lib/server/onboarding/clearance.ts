import { recordAuditIn } from '../audit/service';
import { applyOnboardingRules } from '../competency/triggers';
import type { AppContext } from '../context';
import { officeDay } from '../../time/office';
import type { Db, Tx } from '../db';
import { collectPlanFacts } from './clearance-input';
import * as data from './data';
import { assessClearance, type ClearanceStatus } from './readiness';

async function statusOfOpenPlan(db: Db, staffId: number): Promise<ClearanceStatus | null> {
	const plan = await data.selectOpenPlanOfStaff(db, staffId);
	if (!plan) return null;
	return assessClearance((await collectPlanFacts(db, plan)).input);
}

/** Where a person's open plan stands against the clearance rule; null without an open plan. */
export async function getClearanceStatus(
	ctx: AppContext,
	staffId: number
): Promise<ClearanceStatus | null> {
	return await statusOfOpenPlan(ctx.db, staffId);
}

/** `getClearanceStatus` read inside the caller's transaction. */
export async function getClearanceStatusStep(
	_ctx: AppContext,
	tx: Tx,
	staffId: number
): Promise<ClearanceStatus | null> {
	return await statusOfOpenPlan(tx, staffId);
}

/**
 * Clears a new hire for duty (上岗) once every condition of their plan is met: the plan completes
 * with today's date and the person becomes active. Safe to call after any change that might
 * complete a plan; returns true only when this call cleared it.
 */
export async function evaluateClearance(
	ctx: AppContext,
	tx: Tx,
	staffId: number
): Promise<boolean> {
	const plan = await data.selectOpenPlanOfStaff(tx, staffId);
	if (!plan) return false;
	const status = await statusOfOpenPlan(tx, staffId);
	if (!status?.ready) return false;
	const now = ctx.clock.now();
	if (!(await data.markPlanCleared(tx, plan.id, officeDay(now), now))) return false;
	await data.activateStaff(tx, staffId, now);
	await applyOnboardingRules(ctx, tx, staffId, plan.id);
	await recordAuditIn(ctx, tx, {
		action: 'onboarding.cleared',
		target: `staff:${staffId}`,
		detail: { planId: plan.id }
	});
	return true;
}
