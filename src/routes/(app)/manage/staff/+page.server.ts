import { runLoad } from '$lib/server/http';
import { getStaffFilterOptions, listStaff, parseStaffFilters } from '$lib/server/org/service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	runLoad(event, async () => {
		const ctx = event.locals.ctx;
		const filters = parseStaffFilters(event.url.searchParams);
		const options = await getStaffFilterOptions(ctx, event.locals.user);
		const { rows, truncated } = await listStaff(ctx, event.locals.user, filters);
		return { filters, options, rows, truncated };
	});
