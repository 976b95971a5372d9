import { runLoad } from '$lib/server/http';
import { listMyMentees } from '$lib/server/mentoring/service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	runLoad(event, async () => ({
		mentees: await listMyMentees(event.locals.ctx, event.locals.user)
	}));
