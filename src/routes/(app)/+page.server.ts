import { hasRole, isOfficeWide, requireUser } from '$lib/server/auth/guards';
import { runLoad } from '$lib/server/http';
import { getMySummary, getOrgOverview, listStaff } from '$lib/server/org/service';
import type { PageServerLoad } from './$types';

// One section per role the person holds; each service checks access again on its own.
export const load: PageServerLoad = (event) =>
	runLoad(event, () => {
		const ctx = event.locals.ctx;
		const user = requireUser(event.locals.user);
		const me = getMySummary(ctx, user);
		const managesBranch = hasRole(user, 'branch_manager');
		return {
			me,
			owes: hasRole(user, 'learner'),
			overview: isOfficeWide(user) ? getOrgOverview(ctx, user) : null,
			branchStaff: managesBranch ? listStaff(ctx, user, { branchCode: me.branchCode }).rows : null
		};
	});
