import { getItemAnalysis, parseItemSort } from '$lib/server/exams/service';
import { runLoad } from '$lib/server/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	runLoad(
		event,
		async () =>
			await getItemAnalysis(
				event.locals.ctx,
				event.locals.user,
				Number(event.params.examId),
				parseItemSort(event.url.searchParams.get('sort'))
			)
	);
