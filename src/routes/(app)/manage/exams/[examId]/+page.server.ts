import { examInputFromForm, getExam, setExamActive, updateExam } from '$lib/server/exams/service';
import { runAction, runLoad } from '$lib/server/http';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = (event) =>
	runLoad(
		event,
		async () => await getExam(event.locals.ctx, event.locals.user, Number(event.params.examId))
	);

/** Each action: read the form, call one service (which checks access), say what was done. */
function act<T>(work: (event: RequestEvent, form: FormData, examId: number) => T) {
	return async (event: RequestEvent) => {
		const form = await event.request.formData();
		return runAction(event, () => work(event, form, Number(event.params.examId)));
	};
}

export const actions: Actions = {
	save: act(async ({ locals }, form, examId) => {
		await updateExam(locals.ctx, locals.user, examId, examInputFromForm(form));
		return { done: 'saved' as const };
	}),
	deactivate: act(async ({ locals }, _form, examId) => {
		await setExamActive(locals.ctx, locals.user, examId, false);
		return { done: 'deactivated' as const };
	}),
	activate: act(async ({ locals }, _form, examId) => {
		await setExamActive(locals.ctx, locals.user, examId, true);
		return { done: 'activated' as const };
	})
};
