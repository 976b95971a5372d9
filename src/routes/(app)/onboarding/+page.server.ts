import { runAction, runLoad } from '$lib/server/http';
import { acknowledgeDay } from '$lib/server/mentoring/service';
import { getMyOnboarding } from '$lib/server/onboarding/service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	runLoad(event, async () => ({
		mine: await getMyOnboarding(event.locals.ctx, event.locals.user)
	}));

export const actions: Actions = {
	acknowledge: async (event) => {
		const form = await event.request.formData();
		return runAction(event, async () => {
			await acknowledgeDay(event.locals.ctx, event.locals.user, Number(form.get('dayId')));
			return { done: 'acknowledge' as const, day: Number(form.get('dayNumber')) };
		});
	}
};
