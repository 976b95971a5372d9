import { requireUser } from '$lib/server/auth/guards';
import {
	canSeeReports,
	isLearner,
	isOfficeWide,
	managesOwnBranch
} from '$lib/server/auth/permissions';
import { getHomeSessions } from '$lib/server/classroom/service';
import { getDashboard } from '$lib/server/dashboard/service';
import { getHomeHours } from '$lib/server/hours/service';
import { runLoad } from '$lib/server/http';
import { getHomeMentoring } from '$lib/server/mentoring/service';
import { getHomeOnboarding } from '$lib/server/onboarding/service';
import { getMySummary, getOrgOverview, listStaff } from '$lib/server/org/service';
import { getHomeSpot } from '$lib/server/spot/sitting';
import type { PageServerLoad } from './$types';

// One section per role the person holds; each service checks access again on its own.
export const load: PageServerLoad = (event) =>
	runLoad(event, async () => {
		const ctx = event.locals.ctx;
		const user = requireUser(event.locals.user);
		const me = await getMySummary(ctx, user);
		const learns = isLearner(user);
		return {
			me,
			hours: learns ? await getHomeHours(ctx, user) : null,
			sessions: learns ? await getHomeSessions(ctx, user) : null,
			spot: learns ? await getHomeSpot(ctx, user) : null,
			onboarding: await getHomeOnboarding(ctx, user),
			mentoring: await getHomeMentoring(ctx, user),
			dashboard: canSeeReports(user) ? await getDashboard(ctx, user) : null,
			overview: isOfficeWide(user) ? await getOrgOverview(ctx, user) : null,
			branchStaff: managesOwnBranch(user)
				? (await listStaff(ctx, user, { branchCode: me.branchCode })).rows
				: null
		};
	});
