import { requireUser } from '$lib/server/auth/guards';
import { runLoad } from '$lib/server/http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	runLoad(event, () => {
		const user = requireUser(event.locals.user);
		return { roles: user.roles };
	});
