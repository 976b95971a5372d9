import { requireRole } from '$lib/server/auth/guards';
import { runLoad } from '$lib/server/http';
import { REPORT_NAMES } from '$lib/reports/types';
import type { PageServerLoad } from './$types';

// The index is a list of links; each report's own load checks scope again when it runs.
export const load: PageServerLoad = (event) =>
	runLoad(event, () => {
		requireRole(event.locals.user, 'branch_manager', 'hr', 'admin');
		return { names: [...REPORT_NAMES] };
	});
