import { canManageOnboarding, canSeeBranch, requirePermission } from '../auth/permissions';
import type { SessionUser } from '../auth/session';
import type { Db } from '../db';
import type { OnboardingPlan } from '../db/schema';
import { Forbidden, NotFound } from '../errors';
import { selectStaffRowById, type StaffRow } from '../org/service';
import { selectPlanById } from './data';

export type Actor = SessionUser | null | undefined;

/** A plan and its new hire, for someone who manages that new hire's branch; deny otherwise. */
export async function getManagedPlan(
	db: Db,
	actor: Actor,
	planId: number
): Promise<{ user: SessionUser; plan: OnboardingPlan; person: StaffRow }> {
	const user = requirePermission(actor, canManageOnboarding, 'manages onboarding');
	const plan = Number.isInteger(planId) ? await selectPlanById(db, planId) : undefined;
	if (!plan) throw new NotFound(`plan ${planId}`);
	const person = await selectStaffRowById(db, plan.staffId);
	if (!person) throw new NotFound(`staff ${plan.staffId}`);
	if (!canSeeBranch(user, person.branchId)) throw new Forbidden(`plan ${planId} out of scope`);
	return { user, plan, person };
}
