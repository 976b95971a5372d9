import { redirect } from '@sveltejs/kit';
import { getAttemptView, submitAttempt } from '$lib/server/exams/service';
import { runAction, runLoad } from '$lib/server/http';
import { renderTakingItem } from '../render.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const view = await runLoad(
		event,
		async () =>
			await getAttemptView(event.locals.ctx, event.locals.user, Number(event.params.attemptId))
	);
	if (view.status === 'submitted') redirect(303, `/attempts/${view.attemptId}/result`);
	return {
		attempt: {
			attemptId: view.attemptId,
			examId: view.examId,
			title: view.title,
			purpose: view.purpose,
			deadline: view.deadline,
			serverNow: view.serverNow,
			lastSeq: view.lastSeq,
			maxScore: view.paper.maxScore,
			items: view.paper.items.map(renderTakingItem)
		},
		// 切屏 rules of a formal exam (null for practice) and the switches recorded so far.
		integrity: view.integrity
			? {
					attemptId: view.attemptId,
					switchLimit: view.integrity.switchLimit,
					requireFullscreen: view.integrity.requireFullscreen,
					switchCount: view.switchCount
				}
			: null
	};
};

export const actions: Actions = {
	// Idempotent in the service: a double click, or the timer and the person at once, grade once.
	submit: async (event) => {
		const result = await runAction(
			event,
			async () =>
				await submitAttempt(event.locals.ctx, event.locals.user, Number(event.params.attemptId))
		);
		if ('id' in result) redirect(303, `/attempts/${result.id}/result`);
		return result;
	}
};
