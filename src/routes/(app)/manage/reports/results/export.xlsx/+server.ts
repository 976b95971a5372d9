import { officeDay } from '$lib/time/office';
import { runLoad } from '$lib/server/http';
import {
	contentDisposition,
	exportResults,
	parseResultsFilters,
	resultsWorkbook,
	XLSX_TYPE
} from '$lib/server/reports/service';
import type { RequestHandler } from './$types';

// The CSV export's twin: rows stream from the report worker into the workbook as the download
// pulls them, so memory stays flat however many attempts match.
export const GET: RequestHandler = (event) =>
	runLoad(event, async () => {
		const { ctx, user, locale } = event.locals;
		const now = ctx.clock.now();
		const filters = parseResultsFilters(event.url.searchParams, officeDay(now));
		const file = resultsWorkbook(await exportResults(ctx, user, filters), now, locale);
		return new Response(file.body, {
			headers: {
				'content-type': XLSX_TYPE,
				'content-disposition': contentDisposition(file.fileName, file.asciiName),
				'cache-control': 'private, no-store'
			}
		});
	});
