import { redirect } from '@sveltejs/kit';
import { runAction, runLoad } from '$lib/server/http';
import {
	getPracticeHome,
	listMocks,
	readPracticeForm,
	startMock,
	startPractice
} from '$lib/server/practice/service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	runLoad(event, async () => ({
		home: await getPracticeHome(event.locals.ctx, event.locals.user),
		mocks: await listMocks(event.locals.ctx, event.locals.user)
	}));

export const actions: Actions = {
	start: async (event) => {
		const form = await event.request.formData();
		const result = await runAction(event, async () => ({
			attemptId: await startPractice(event.locals.ctx, event.locals.user, readPracticeForm(form))
		}));
		if ('attemptId' in result) redirect(303, `/practice/${result.attemptId}`);
		return result;
	},
	mock: async (event) => {
		const form = await event.request.formData();
		const result = await runAction(event, async () => ({
			attemptId: await startMock(event.locals.ctx, event.locals.user, Number(form.get('examId')))
		}));
		if ('attemptId' in result) redirect(303, `/attempts/${result.attemptId}`);
		return result;
	}
};
