import { recordAudit } from '../audit/service';
import { applyOnboardingRules } from '../competency/triggers';
import type { AppContext } from '../context';
import { officeDay } from '../../time/office';
import type { Db } from '../db';
import { collectPlanFacts } from './clearance-input';
import * as q from './queries';
import { assessClearance, type ClearanceStatus } from './readiness';

/** Where a person's open plan stands against the clearance rule; null without an open plan. */
export async function getClearanceStatus(
	ctx: AppContext,
	staffId: number,
	db: Db = ctx.db
): Promise<ClearanceStatus | null> {
	const plan = await q.selectOpenPlanOfStaff(db, staffId);
	if (!plan) return null;
	return assessClearance((await collectPlanFacts(db, plan)).input);
}

/**
 * Clears a new hire for duty (上岗) once every condition of their plan is met: the plan completes
 * with today's date and the person becomes active. Safe to call after any change that might
 * complete a plan; returns true only when this call cleared it.
 */
export async function evaluateClearance(
	ctx: AppContext,
	staffId: number,
	db: Db = ctx.db
): Promise<boolean> {
	const plan = await q.selectOpenPlanOfStaff(db, staffId);
	if (!plan) return false;
	const status = await getClearanceStatus(ctx, staffId, db);
	if (!status?.ready) return false;
	const now = ctx.clock.now();
	if (!(await q.markPlanCleared(db, plan.id, officeDay(now), now))) return false;
	await q.activateStaff(db, staffId, now);
	await applyOnboardingRules(ctx, db, staffId, plan.id);
	await recordAudit(
		ctx,
		{ action: 'onboarding.cleared', target: `staff:${staffId}`, detail: { planId: plan.id } },
		db
	);
	return true;
}
