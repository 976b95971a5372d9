import { runLoad } from '$lib/server/http';
import { listRecentAudit, parseAuditAction } from '$lib/server/org/service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	runLoad(event, async () => {
		const action = parseAuditAction(event.url.searchParams.get('action'));
		const { events, actions } = await listRecentAudit(event.locals.ctx, event.locals.user, action);
		return { events, actions, action: action ?? '' };
	});
