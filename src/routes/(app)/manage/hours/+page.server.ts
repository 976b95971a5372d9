import { runLoad } from '$lib/server/http';
import { getHoursOverview } from '$lib/server/hours/service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	runLoad(
		event,
		async () => await getHoursOverview(event.locals.ctx, event.locals.user, event.url.searchParams)
	);
