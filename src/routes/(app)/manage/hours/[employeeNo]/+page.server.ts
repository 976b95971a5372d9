import { runAction, runLoad } from '$lib/server/http';
import { correctHoursEntry, getPersonHours, recordManualHoursFor } from '$lib/server/hours/service';
import type { Actions, PageServerLoad } from './$types';

const text = (form: FormData, name: string): string => String(form.get(name) ?? '');
// An empty field must fail validation rather than read as 0 hours.
const number = (form: FormData, name: string): number =>
	text(form, name).trim() === '' ? NaN : Number(text(form, name));

export const load: PageServerLoad = (event) =>
	runLoad(
		event,
		async () =>
			await getPersonHours(
				event.locals.ctx,
				event.locals.user,
				event.params.employeeNo,
				event.url.searchParams.get('year')
			)
	);

export const actions: Actions = {
	record: async (event) => {
		const form = await event.request.formData();
		return runAction(event, async () => {
			await recordManualHoursFor(event.locals.ctx, event.locals.user, event.params.employeeNo, {
				kind: text(form, 'kind'),
				hours: number(form, 'hours'),
				earnedOn: text(form, 'earnedOn'),
				reason: text(form, 'reason')
			});
			return { done: 'recorded' as const };
		});
	},
	correct: async (event) => {
		const form = await event.request.formData();
		return runAction(event, async () => {
			await correctHoursEntry(event.locals.ctx, event.locals.user, {
				entryId: number(form, 'entryId'),
				correctedHours: number(form, 'correctedHours'),
				reason: text(form, 'reason')
			});
			return { done: 'corrected' as const };
		});
	}
};
