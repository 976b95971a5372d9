import { runAction, runLoad } from '$lib/server/http';
import {
	DUE_ALLOWANCE_WORKING_DAYS,
	getOnboardingOverview,
	openPlan,
	PRACTICUM_DAYS_REQUIRED,
	SEAT_HOURS_REQUIRED
} from '$lib/server/onboarding/service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	runLoad(event, async () => ({
		...(await getOnboardingOverview(event.locals.ctx, event.locals.user, {
			from: event.url.searchParams.get('from'),
			to: event.url.searchParams.get('to')
		})),
		rules: {
			hours: SEAT_HOURS_REQUIRED,
			days: PRACTICUM_DAYS_REQUIRED,
			dueDays: PRACTICUM_DAYS_REQUIRED + DUE_ALLOWANCE_WORKING_DAYS
		}
	}));

export const actions: Actions = {
	open: async (event) => {
		const form = await event.request.formData();
		return runAction(event, async () => {
			const result = await openPlan(event.locals.ctx, event.locals.user, {
				employeeNo: String(form.get('employeeNo') ?? ''),
				startDate: String(form.get('startDate') ?? ''),
				mentorEmployeeNo: String(form.get('mentorEmployeeNo') ?? '')
			});
			return { done: 'open' as const, ...result };
		});
	}
};
