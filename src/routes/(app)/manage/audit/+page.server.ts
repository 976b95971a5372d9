import { runLoad } from '$lib/server/http';
import { AUDIT_PAGE, parseAuditSearch, searchAudit } from '$lib/server/org/service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	runLoad(event, async () => {
		const { search, before } = parseAuditSearch(event.url.searchParams);
		const page = await searchAudit(event.locals.ctx, event.locals.user, search, before);
		return { ...page, search, paged: before !== undefined, pageSize: AUDIT_PAGE };
	});
