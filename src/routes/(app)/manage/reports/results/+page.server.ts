import { requireUser } from '$lib/server/auth/guards';
import { isOfficeWide } from '$lib/server/auth/permissions';
import { officeDay } from '$lib/time/office';
import { runLoad } from '$lib/server/http';
import { getStaffFilterOptions } from '$lib/server/org/service';
import {
	countResults,
	RESULT_PURPOSES,
	parseResultsFilters,
	resultsToParams
} from '$lib/server/reports/service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	runLoad(event, async () => {
		const { ctx } = event.locals;
		const user = requireUser(event.locals.user);
		const asked = parseResultsFilters(event.url.searchParams, officeDay(ctx.clock.now()));
		// The count runs first: it refuses anyone without report scope before options are read.
		const { filters, scope, count } = await countResults(ctx, user, asked);
		const options = await getStaffFilterOptions(ctx, user);
		return {
			filters,
			count,
			// Normalised filters, so the export downloads exactly what the page counted.
			query: resultsToParams(filters).toString(),
			branches: isOfficeWide(user) ? options.branches : null,
			branch: scope.branch ? { code: scope.branch.code, name: scope.branch.name } : null,
			positions: options.positions,
			purposes: [...RESULT_PURPOSES]
		};
	});
