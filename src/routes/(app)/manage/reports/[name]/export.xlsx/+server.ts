import { error } from '@sveltejs/kit';
import { isReportName } from '$lib/reports/types';
import { officeDay } from '$lib/time/office';
import { runLoad } from '$lib/server/http';
import {
	contentDisposition,
	parseReportFilters,
	reportFileName,
	reportWorkbook,
	runReportAsync,
	XLSX_TYPE
} from '$lib/server/reports/service';
import type { RequestHandler } from './$types';

// The CSV export's twin: the same filters and scope check, written as an Excel workbook.
export const GET: RequestHandler = (event) =>
	runLoad(event, async () => {
		const { ctx, user, locale } = event.locals;
		const name = event.params.name;
		if (!isReportName(name)) error(404, { message: 'reports.error.unknownReport' });
		const now = ctx.clock.now();
		const filters = parseReportFilters(event.url.searchParams, officeDay(now));
		const result = await runReportAsync(ctx, user, name, filters);
		const file = reportWorkbook(result, reportFileName(result), now, locale);
		return new Response(file.body, {
			headers: {
				'content-type': XLSX_TYPE,
				'content-disposition': contentDisposition(file.fileName, file.asciiName),
				'cache-control': 'private, no-store'
			}
		});
	});
