import { runLoad } from '$lib/server/http';
import { getKnowledgePage } from '$lib/server/practice/service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	runLoad(event, async () => {
		const q = event.url.searchParams;
		return {
			page: await getKnowledgePage(event.locals.ctx, event.locals.user, {
				branchCode: q.get('branch')?.trim() || null,
				position: q.get('position')?.trim() || null
			})
		};
	});
