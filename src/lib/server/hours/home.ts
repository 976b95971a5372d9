import { requireUser } from '../auth/guards';
import type { SessionUser } from '../auth/session';
import type { AppContext } from '../context';
import { currentYear, getStaffHours } from './ledger';
import type { HoursByKind, Requirement } from './standing';

/** What the learner home's class-hour card shows. */
export interface HomeHours {
	year: number;
	earned: HoursByKind;
	required: Requirement;
	remaining: Requirement;
	behindPace: boolean;
	complete: boolean;
}

/** This year's hours of the signed-in person against their position's requirement. */
export async function getHomeHours(ctx: AppContext, user: SessionUser | null): Promise<HomeHours> {
	const actor = requireUser(user);
	const year = currentYear(ctx);
	const { standing } = await getStaffHours(ctx, actor, actor.id, year);
	return {
		year,
		earned: standing.earned,
		required: standing.required,
		remaining: standing.remaining,
		behindPace: standing.behindPace,
		complete: standing.complete
	};
}
