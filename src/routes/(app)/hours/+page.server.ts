import { runLoad } from '$lib/server/http';
import { getMyHours } from '$lib/server/hours/service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	runLoad(
		event,
		async () =>
			await getMyHours(event.locals.ctx, event.locals.user, event.url.searchParams.get('year'))
	);
