import { officeDay } from '$lib/time/office';
import { runLoad } from '$lib/server/http';
import { exportResults, parseResultsFilters, streamReportCsv } from '$lib/server/reports/service';
import type { RequestHandler } from './$types';

// The same filters and scope check as the page; rows stream from the report worker as the
// download pulls them, so memory stays flat however many attempts match.
export const GET: RequestHandler = (event) =>
	runLoad(event, async () => {
		const { ctx, user, locale } = event.locals;
		const filters = parseResultsFilters(event.url.searchParams, officeDay(ctx.clock.now()));
		const results = await exportResults(ctx, user, filters);
		return new Response(streamReportCsv(results.rows, results.columns, locale), {
			headers: {
				'content-type': 'text/csv; charset=utf-8',
				'content-disposition': `attachment; filename="${results.fileName}"`,
				'cache-control': 'private, no-store'
			}
		});
	});
