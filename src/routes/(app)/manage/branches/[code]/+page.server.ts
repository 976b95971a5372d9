import { runLoad } from '$lib/server/http';
import { getBranchDetail } from '$lib/server/org/service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	runLoad(
		event,
		async () => await getBranchDetail(event.locals.ctx, event.locals.user, event.params.code)
	);
