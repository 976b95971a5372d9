import { runLoad } from '$lib/server/http';
import { getStaffFilterOptions, listStaff, parseStaffFilters } from '$lib/server/org/service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	runLoad(event, () => {
		const ctx = event.locals.ctx;
		const filters = parseStaffFilters(event.url.searchParams);
		const options = getStaffFilterOptions(ctx, event.locals.user);
		const { rows, truncated } = listStaff(ctx, event.locals.user, filters);
		return { filters, options, rows, truncated };
	});
