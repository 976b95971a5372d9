import { redirect } from '@sveltejs/kit';
import {
	getScheduleOptions,
	listSessions,
	readScheduleForm,
	scheduleSession
} from '$lib/server/classroom/service';
import { officeDay } from '$lib/time/office';
import { runAction, runLoad } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	runLoad(event, async () => {
		const { ctx, user } = event.locals;
		const when = event.url.searchParams.get('when') === 'past' ? 'past' : 'upcoming';
		return {
			when,
			sessions: await listSessions(ctx, user, { when }),
			options: await getScheduleOptions(ctx, user),
			today: officeDay(ctx.clock.now())
		} as const;
	});

export const actions: Actions = {
	schedule: async (event) => {
		const form = await event.request.formData();
		return runAction(event, async () => {
			const session = await scheduleSession(
				event.locals.ctx,
				event.locals.user,
				readScheduleForm(form)
			);
			redirect(303, `/manage/sessions/${session.id}`);
		});
	}
};
