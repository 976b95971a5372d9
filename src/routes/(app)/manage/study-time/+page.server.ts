import { listStudyTotals } from '$lib/server/courses/service';
import { runLoad } from '$lib/server/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	runLoad(event, async () => ({
		lessons: await listStudyTotals(event.locals.ctx, event.locals.user)
	}));
