import { redirect } from '@sveltejs/kit';
import { createExam, examInputFromForm, listExams } from '$lib/server/exams/service';
import { runAction, runLoad } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	runLoad(event, async () => await listExams(event.locals.ctx, event.locals.user));

export const actions: Actions = {
	create: async (event) => {
		const form = await event.request.formData();
		return runAction(event, async () => {
			const exam = await createExam(event.locals.ctx, event.locals.user, examInputFromForm(form));
			redirect(303, `/manage/exams/${exam.id}`);
		});
	}
};
