import { officeDay } from '$lib/time/office';
import { runLoad } from '$lib/server/http';
import {
	contentDisposition,
	gridWorkbook,
	parseReportFilters,
	passRateGrid,
	reportFileName,
	XLSX_TYPE
} from '$lib/server/reports/service';
import type { RequestHandler } from './$types';

// The grid page's workbook: the same filters and scope check, the grid's layout kept.
export const GET: RequestHandler = (event) =>
	runLoad(event, async () => {
		const { ctx, user, locale } = event.locals;
		const now = ctx.clock.now();
		const parsed = parseReportFilters(event.url.searchParams, officeDay(now));
		const { filters, grid } = await passRateGrid(ctx, user, parsed);
		const csvName = reportFileName({ name: 'pass-rates', filters });
		const file = gridWorkbook(grid, filters, csvName, now, locale);
		return new Response(file.body, {
			headers: {
				'content-type': XLSX_TYPE,
				'content-disposition': contentDisposition(file.fileName, file.asciiName),
				'cache-control': 'private, no-store'
			}
		});
	});
