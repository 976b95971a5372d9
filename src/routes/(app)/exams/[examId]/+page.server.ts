import { redirect } from '@sveltejs/kit';
import { getExamLanding, startFromLanding } from '$lib/server/exams/service';
import { runAction, runLoad } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	runLoad(event, async () => ({
		exam: await getExamLanding(event.locals.ctx, event.locals.user, Number(event.params.examId))
	}));

export const actions: Actions = {
	// Starting twice (a double click, a second tab) resumes the same attempt: startAttempt is
	// idempotent, so the button needs no guard of its own.
	start: async (event) => {
		const result = await runAction(event, async () => {
			// The landing rules (spot exams are not self-serve, onboarding is for new hires) apply
			// to the action too.
			return await startFromLanding(
				event.locals.ctx,
				event.locals.user,
				Number(event.params.examId)
			);
		});
		if ('id' in result) redirect(303, `/attempts/${result.id}`);
		return result;
	}
};
