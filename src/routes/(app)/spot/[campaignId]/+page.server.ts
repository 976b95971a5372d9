import { redirect } from '@sveltejs/kit';
import { runAction, runLoad } from '$lib/server/http';
import { getMySpotExam, startSpotAttempt } from '$lib/server/spot/service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	runLoad(event, async () => ({
		exam: await getMySpotExam(event.locals.ctx, event.locals.user, Number(event.params.campaignId))
	}));

export const actions: Actions = {
	start: (event) =>
		runAction(event, async () => {
			const { ctx, user } = event.locals;
			const attempt = await startSpotAttempt(ctx, user, Number(event.params.campaignId));
			redirect(303, `/attempts/${attempt.id}`);
		})
};
