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
		const me = getMySummary(ctx, user);
		const learns = hasRole(user, 'learner');
		return {
			me,
			hours: learns ? getHomeHours(ctx, user) : null,
			sessions: learns ? getHomeSessions(ctx, user) : null,
			spot: learns ? getHomeSpot(ctx, user) : null,
			onboarding: getHomeOnboarding(ctx, user),
			mentoring: getHomeMentoring(ctx, user),
			dashboard: hasRole(user, 'hr', 'admin', 'branch_manager')
				? await getDashboard(ctx, user)
				: null,
			overview: isOfficeWide(user) ? getOrgOverview(ctx, user) : null,
			branchStaff: hasRole(user, 'branch_manager')
				? listStaff(ctx, user, { branchCode: me.branchCode }).rows
				: null
		};
	});
