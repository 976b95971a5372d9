import { signInWithQrToken } from '$lib/server/classroom/service';
import { runAction } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

// Opening the link signs nobody in (a GET must not change anything): the page asks to confirm.
export const load: PageServerLoad = () => ({});

export const actions: Actions = {
	signIn: (event) =>
		runAction(event, async () => ({
			signedIn: await signInWithQrToken(event.locals.ctx, event.locals.user, event.params.token)
		}))
};
