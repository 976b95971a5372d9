import { runAction, runLoad } from '$lib/server/http';
import {
	addPracticumTask,
	listPracticumChecklists,
	setPracticumTaskRetired
} from '$lib/server/mentoring/service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	runLoad(event, async () => ({
		checklists: await listPracticumChecklists(event.locals.ctx, event.locals.user)
	}));

export const actions: Actions = {
	add: async (event) => {
		const form = await event.request.formData();
		return runAction(event, async () => {
			await addPracticumTask(event.locals.ctx, event.locals.user, {
				position: String(form.get('position') ?? ''),
				label: String(form.get('label') ?? '')
			});
			return { done: true };
		});
	},
	retire: async (event) => {
		const form = await event.request.formData();
		return runAction(event, async () => {
			await setPracticumTaskRetired(event.locals.ctx, event.locals.user, {
				position: String(form.get('position') ?? ''),
				code: String(form.get('code') ?? ''),
				retired: form.get('retired') === 'yes'
			});
			return { done: true };
		});
	}
};
