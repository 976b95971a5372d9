import {
	canFileRegulatorReturns,
	canSeeReports,
	requirePermission
} from '$lib/server/auth/permissions';
import { runLoad } from '$lib/server/http';
import { REPORT_NAMES } from '$lib/reports/types';
import type { PageServerLoad } from './$types';

// The index is a list of links; each report's own load checks scope again when it runs.
export const load: PageServerLoad = (event) =>
	runLoad(event, () => {
		const user = requirePermission(event.locals.user, canSeeReports, 'reads reports');
		return { names: [...REPORT_NAMES], canFileAml: canFileRegulatorReturns(user) };
	});
