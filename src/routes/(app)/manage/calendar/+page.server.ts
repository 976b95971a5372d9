import { runAction, runLoad } from '$lib/server/http';
import { listOfficeDays, removeOfficeDay, setOfficeDay } from '$lib/server/calendar/service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	runLoad(event, async () => await listOfficeDays(event.locals.ctx, event.locals.user));

export const actions: Actions = {
	set: async (event) => {
		const form = await event.request.formData();
		return runAction(event, async () => {
			const day = String(form.get('day') ?? '');
			await setOfficeDay(event.locals.ctx, event.locals.user, {
				day,
				working: form.get('working') === 'yes',
				note: String(form.get('note') ?? '')
			});
			return { done: 'set' as const, day: day.trim() };
		});
	},
	remove: async (event) => {
		const form = await event.request.formData();
		return runAction(event, async () => {
			const day = String(form.get('day') ?? '');
			await removeOfficeDay(event.locals.ctx, event.locals.user, day);
			return { done: 'remove' as const, day: day.trim() };
		});
	}
};
