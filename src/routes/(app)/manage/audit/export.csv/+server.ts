import { runLoad } from '$lib/server/http';
import { exportAuditCsv, parseAuditSearch } from '$lib/server/org/service';
import { officeDay } from '$lib/time/office';
import type { RequestHandler } from './$types';

// The page's filters, every page of them; exportAuditCsv checks who may read the log.
export const GET: RequestHandler = (event) =>
	runLoad(event, async () => {
		const { ctx, user, locale } = event.locals;
		const { search } = parseAuditSearch(event.url.searchParams);
		const body = exportAuditCsv(ctx, user, search, locale);
		return new Response(body, {
			headers: {
				'content-type': 'text/csv; charset=utf-8',
				'content-disposition': `attachment; filename="audit-${officeDay(ctx.clock.now())}.csv"`,
				'cache-control': 'private, no-store'
			}
		});
	});
