import { requireUser } from '$lib/server/auth/guards';
import { canSetReportSettings, isOfficeWide } from '$lib/server/auth/permissions';
import { officeDay } from '$lib/time/office';
import { runAction, runLoad } from '$lib/server/http';
import { getStaffFilterOptions } from '$lib/server/org/service';
import {
	filtersToParams,
	parseReportFilters,
	passRateGrid,
	setPassRateThreshold
} from '$lib/server/reports/service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	runLoad(event, async () => {
		const { ctx } = event.locals;
		const user = requireUser(event.locals.user);
		const parsed = parseReportFilters(event.url.searchParams, officeDay(ctx.clock.now()));
		// The grid runs first: it refuses anyone without report scope before options are read.
		const { filters, grid } = await passRateGrid(ctx, user, parsed);
		const options = await getStaffFilterOptions(ctx, user);
		const officeWide = isOfficeWide(user);
		return {
			filters,
			grid,
			query: filtersToParams(filters).toString(),
			branches: officeWide ? options.branches : null,
			branch: options.branches.find((b) => b.code === filters.branchCode) ?? null,
			positions: options.positions,
			canSetThreshold: canSetReportSettings(user)
		};
	});

export const actions: Actions = {
	threshold: async (event) => {
		const form = await event.request.formData();
		return runAction(event, async () => {
			const percent = String(form.get('threshold') ?? '');
			await setPassRateThreshold(event.locals.ctx, event.locals.user, percent);
			return { saved: true };
		});
	}
};
