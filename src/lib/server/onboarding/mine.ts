import { requireUser } from '../auth/guards';
import type { AppContext } from '../context';
import { officeDay } from '../../time/office';
import { buildPracticumLog, type LogDay } from '../mentoring/service';
import { selectStaffRowById } from '../org/service';
import type { Actor } from './access';
import { buildPlanProgress, type PlanProgress } from './progress';
import { selectLatestPlanOfStaff, selectOpenPlanOfStaff } from './data';

export interface MyOnboarding {
	progress: PlanProgress;
	log: LogDay[];
}

/** The signed-in person's own plan (open, else the latest), or null when they never had one. */
export async function getMyOnboarding(ctx: AppContext, actor: Actor): Promise<MyOnboarding | null> {
	const user = requireUser(actor);
	const plan = await selectLatestPlanOfStaff(ctx.db, user.id);
	const me = await selectStaffRowById(ctx.db, user.id);
	if (!plan || !me) return null;
	return {
		progress: await buildPlanProgress(ctx.db, plan, me.branchId, officeDay(ctx.clock.now())),
		log: await buildPracticumLog(ctx.db, plan, me.position)
	};
}

export interface HomeOnboarding {
	progress: PlanProgress;
	/** Signed days the new hire has not yet confirmed. */
	toAcknowledge: number;
}

/** The home card of a new hire with an open plan; null for everyone else. */
export async function getHomeOnboarding(
	ctx: AppContext,
	actor: Actor
): Promise<HomeOnboarding | null> {
	const user = requireUser(actor);
	const plan = await selectOpenPlanOfStaff(ctx.db, user.id);
	const me = plan ? await selectStaffRowById(ctx.db, user.id) : undefined;
	if (!plan || !me) return null;
	const log = await buildPracticumLog(ctx.db, plan, me.position);
	return {
		progress: await buildPlanProgress(ctx.db, plan, me.branchId, officeDay(ctx.clock.now())),
		toAcknowledge: log.filter((d) => d.acknowledgedAt === null).length
	};
}
