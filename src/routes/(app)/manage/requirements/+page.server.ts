import { runAction, runLoad } from '$lib/server/http';
import { getRequirementsPage, setRequirement } from '$lib/server/hours/service';
import type { Actions, PageServerLoad } from './$types';

// An empty field must fail validation rather than read as a requirement of 0 hours.
const number = (value: FormDataEntryValue | null): number =>
	String(value ?? '').trim() === '' ? NaN : Number(value);

export const load: PageServerLoad = (event) =>
	runLoad(event, async () => await getRequirementsPage(event.locals.ctx, event.locals.user));

export const actions: Actions = {
	set: async (event) => {
		const form = await event.request.formData();
		return runAction(event, async () => {
			await setRequirement(event.locals.ctx, event.locals.user, {
				position: String(form.get('position') ?? ''),
				remote: number(form.get('remote')),
				centralized: number(form.get('centralized'))
			});
			return { done: true };
		});
	}
};
