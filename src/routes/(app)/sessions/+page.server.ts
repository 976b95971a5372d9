import { listMySessions, signInWithCode } from '$lib/server/classroom/service';
import { runAction, runLoad } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	runLoad(event, async () => await listMySessions(event.locals.ctx, event.locals.user));

export const actions: Actions = {
	signIn: async (event) => {
		const form = await event.request.formData();
		return runAction(event, async () => ({
			signedIn: await signInWithCode(
				event.locals.ctx,
				event.locals.user,
				String(form.get('code') ?? '')
			)
		}));
	}
};
