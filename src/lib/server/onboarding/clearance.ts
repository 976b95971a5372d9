import { recordAudit } from '../audit/service';
import { applyOnboardingRules } from '../competency/triggers';
import type { AppContext } from '../context';
import { localDay } from '../dates';
import type { Db } from '../db';
import { collectPlanFacts } from './clearance-input';
import * as q from './queries';
import { assessClearance, type ClearanceStatus } from './readiness';

/** Where a person's open plan stands against the clearance rule; null without an open plan. */
export function getClearanceStatus(
	ctx: AppContext,
	staffId: number,
	db: Db = ctx.db
): ClearanceStatus | null {
	const plan = q.selectOpenPlanOfStaff(db, staffId);
	if (!plan) return null;
	return assessClearance(collectPlanFacts(db, plan).input);
}

/**
 * Clears a new hire for duty (上岗) once every condition of their plan is met: the plan completes
 * with today's date and the person becomes active. Safe to call after any change that might
 * complete a plan; returns true only when this call cleared it.
 */
export function evaluateClearance(ctx: AppContext, staffId: number, db: Db = ctx.db): boolean {
	const plan = q.selectOpenPlanOfStaff(db, staffId);
	if (!plan) return false;
	const status = getClearanceStatus(ctx, staffId, db);
	if (!status?.ready) return false;
	const now = ctx.clock.now();
	if (!q.markPlanCleared(db, plan.id, localDay(now), now)) return false;
	q.activateStaff(db, staffId, now);
	applyOnboardingRules(ctx, db, staffId, plan.id);
	recordAudit(
		ctx,
		{ action: 'onboarding.cleared', target: `staff:${staffId}`, detail: { planId: plan.id } },
		db
	);
	return true;
}
