import { hasRole, isOfficeWide, requireUser } from '$lib/server/auth/guards';
import { getHomeSessions } from '$lib/server/classroom/learner';
import { getDashboard } from '$lib/server/dashboard/service';
import { getHomeHours } from '$lib/server/hours/home';
import { runLoad } from '$lib/server/http';
import { getHomeMentoring } from '$lib/server/mentoring/mentees';
import { getHomeOnboarding } from '$lib/server/onboarding/mine';
import { getMySummary, getOrgOverview, listStaff } from '$lib/server/org/service';
import { getHomeSpot } from '$lib/server/spot/sitting';
import type { PageServerLoad } from './$types';

// One section per role the person holds; each service checks access again on its own.
export const load: PageServerLoad = (event) =>
	runLoad(event, async () => {
		const ctx = event.locals.ctx;
		const user = requireUser(event.locals.user);
		const me = await getMySummary(ctx, user);
		const learns = hasRole(user, 'learner');
		return {
			me,
			hours: learns ? await getHomeHours(ctx, user) : null,
			sessions: learns ? await getHomeSessions(ctx, user) : null,
			spot: learns ? await getHomeSpot(ctx, user) : null,
			onboarding: await getHomeOnboarding(ctx, user),
			mentoring: await getHomeMentoring(ctx, user),
			dashboard: hasRole(user, 'hr', 'admin', 'branch_manager')
				? await getDashboard(ctx, user)
				: null,
			overview: isOfficeWide(user) ? await getOrgOverview(ctx, user) : null,
			branchStaff: hasRole(user, 'branch_manager')
				? (await listStaff(ctx, user, { branchCode: me.branchCode })).rows
				: null
		};
	});
