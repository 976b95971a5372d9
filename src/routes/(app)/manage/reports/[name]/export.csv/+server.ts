import { error } from '@sveltejs/kit';
import { isReportName } from '$lib/reports/types';
import { officeDay } from '$lib/time/office';
import { runLoad } from '$lib/server/http';
import {
	parseReportFilters,
	reportFileName,
	runReportAsync,
	streamReportCsv
} from '$lib/server/reports/service';
import type { RequestHandler } from './$types';

// The same filters and scope check as the report page: runReport denies out-of-scope branches.
export const GET: RequestHandler = (event) =>
	runLoad(event, async () => {
		const { ctx, user, locale } = event.locals;
		const name = event.params.name;
		if (!isReportName(name)) error(404, { message: 'reports.error.unknownReport' });
		const filters = parseReportFilters(event.url.searchParams, officeDay(ctx.clock.now()));
		const result = await runReportAsync(ctx, user, name, filters);
		return new Response(streamReportCsv(result, result.columns, locale), {
			headers: {
				'content-type': 'text/csv; charset=utf-8',
				'content-disposition': `attachment; filename="${reportFileName(result)}"`,
				'cache-control': 'private, no-store'
			}
		});
	});
