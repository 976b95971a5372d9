import { redirect } from '@sveltejs/kit';
import { runAction, runLoad } from '$lib/server/http';
import {
	checkPracticeAnswer,
	finishPractice,
	getPracticeSession,
	readAnswerForm
} from '$lib/server/practice/service';
import { renderReviewItem, renderTakingItem } from '../../attempts/render.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	runLoad(event, async () => {
		const view = await getPracticeSession(
			event.locals.ctx,
			event.locals.user,
			Number(event.params.attemptId)
		);
		return {
			session: {
				attemptId: view.attemptId,
				mode: view.session.mode,
				status: view.status,
				checked: view.checked,
				right: view.right,
				items: view.items.map((i) => ({
					taking: renderTakingItem(i.taking),
					feedback: i.feedback ? renderReviewItem(i.feedback) : null,
					checked: i.checked
				}))
			}
		};
	});

export const actions: Actions = {
	check: async (event) => {
		const form = await event.request.formData();
		return runAction(event, async () => {
			const input = readAnswerForm(form);
			await checkPracticeAnswer(
				event.locals.ctx,
				event.locals.user,
				Number(event.params.attemptId),
				input
			);
			return { checked: input.position };
		});
	},
	finish: async (event) => {
		const result = await runAction(event, async () => {
			await finishPractice(event.locals.ctx, event.locals.user, Number(event.params.attemptId));
			return { finished: true };
		});
		if ('finished' in result) redirect(303, `/practice/${event.params.attemptId}`);
		return result;
	}
};
