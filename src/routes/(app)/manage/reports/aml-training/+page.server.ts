import { officeDay } from '$lib/time/office';
import { runAction, runLoad } from '$lib/server/http';
import {
	amlTrainingTable,
	parseAmlFilters,
	setAmlInstitutionCode
} from '$lib/server/reports/service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	runLoad(event, async () => {
		const { ctx, user, locale } = event.locals;
		const params = event.url.searchParams;
		const thisYear = officeDay(ctx.clock.now()).slice(0, 4);
		const filters = parseAmlFilters(params.get('year') ?? thisYear, params.get('quarter')) ?? {
			year: Number(thisYear),
			quarter: null
		};
		const table = await amlTrainingTable(ctx, user, filters, locale);
		const query = new URLSearchParams({ year: String(filters.year) });
		if (filters.quarter) query.set('quarter', String(filters.quarter));
		return { table, query: query.toString() };
	});

export const actions: Actions = {
	code: async (event) => {
		const form = await event.request.formData();
		return runAction(event, async () => {
			const code = String(form.get('code') ?? '');
			await setAmlInstitutionCode(event.locals.ctx, event.locals.user, code);
			return { saved: true };
		});
	}
};
