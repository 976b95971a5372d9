import { requireUser } from '$lib/server/auth/guards';
import { isOfficeWide } from '$lib/server/auth/permissions';
import { officeDay } from '$lib/time/office';
import { NotFound } from '$lib/server/errors';
import { runLoad } from '$lib/server/http';
import { getStaffFilterOptions } from '$lib/server/org/service';
import { filtersToParams, parseReportFilters, runReportAsync } from '$lib/server/reports/service';
import { isReportName } from '$lib/reports/types';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	runLoad(event, async () => {
		const { ctx } = event.locals;
		const user = requireUser(event.locals.user);
		const { name } = event.params;
		if (!isReportName(name)) throw new NotFound(`report ${name}`);
		const filters = parseReportFilters(event.url.searchParams, officeDay(ctx.clock.now()));
		// The report runs first: it refuses anyone without report scope before options are read.
		const result = await runReportAsync(ctx, user, name, filters);
		const options = await getStaffFilterOptions(ctx, user);
		const officeWide = isOfficeWide(user);
		const branch = options.branches.find((b) => b.code === result.filters.branchCode) ?? null;
		return {
			result,
			// Normalised filters, so the export downloads exactly what the page shows.
			query: filtersToParams(result.filters).toString(),
			branches: officeWide ? options.branches : null,
			branch,
			positions: options.positions
		};
	});
