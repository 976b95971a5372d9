import { requireUser } from '$lib/server/auth/guards';
import { getRecord } from '$lib/server/competency/service';
import { runLoad } from '$lib/server/http';
import { getMyMastery } from '$lib/server/practice/service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	runLoad(event, async () => {
		const user = requireUser(event.locals.user);
		return {
			record: await getRecord(event.locals.ctx, user, user.id),
			mastery: await getMyMastery(event.locals.ctx, user)
		};
	});
