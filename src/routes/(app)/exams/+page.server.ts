import { runLoad } from '$lib/server/http';
import { listMyExams } from '$lib/server/exams/service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	runLoad(event, async () => ({ exams: await listMyExams(event.locals.ctx, event.locals.user) }));
