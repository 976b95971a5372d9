import { officeDay } from '$lib/time/office';
import { runLoad } from '$lib/server/http';
import { NotFound } from '$lib/server/errors';
import {
	amlCsv,
	amlTrainingTable,
	contentDisposition,
	parseAmlFilters
} from '$lib/server/reports/service';
import type { RequestHandler } from './$types';

// The page's table as the regulator's CSV; the same permission check runs again here.
export const GET: RequestHandler = (event) =>
	runLoad(event, async () => {
		const { ctx, user, locale } = event.locals;
		const params = event.url.searchParams;
		const year = params.get('year') ?? officeDay(ctx.clock.now()).slice(0, 4);
		const filters = parseAmlFilters(year, params.get('quarter'));
		if (!filters) throw new NotFound('AML training period');
		const table = await amlTrainingTable(ctx, user, filters, locale);
		const file = amlCsv(table, locale);
		return new Response(file.body, {
			headers: {
				'content-type': 'text/csv; charset=utf-8',
				'content-disposition': contentDisposition(file.fileName, file.asciiName),
				'cache-control': 'private, no-store'
			}
		});
	});
