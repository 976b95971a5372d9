import { redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { changePassword, MIN_PASSWORD_LENGTH } from '$lib/server/auth/service';
import { runAction, runLoad } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	runLoad(event, () => {
		const user = requireUser(event.locals.user);
		return { mustChange: user.mustChangePassword, minLength: MIN_PASSWORD_LENGTH };
	});

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const result = await runAction(event, async () => {
			const user = requireUser(event.locals.user);
			await changePassword(event.locals.ctx, user, {
				current: String(form.get('current') ?? ''),
				next: String(form.get('next') ?? ''),
				confirm: String(form.get('confirm') ?? ''),
				sessionId: event.locals.session?.id ?? ''
			});
		});
		if (result) return result;
		redirect(303, '/?passwordChanged=1');
	}
};
