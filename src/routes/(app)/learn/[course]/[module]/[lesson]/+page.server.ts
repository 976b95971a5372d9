import { completeLesson, getLesson } from '$lib/server/courses/service';
import { findPracticeQuizzes } from '$lib/server/exams/service';
import { runAction, runLoad } from '$lib/server/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	runLoad(event, async () => {
		const { course, module, lesson } = event.params;
		const view = await getLesson(event.locals.ctx, event.locals.user, course, module, lesson);
		const practice = (
			await findPracticeQuizzes(event.locals.ctx, event.locals.user, course)
		).filter((q) => q.lessonKey === view.lesson.key);
		return { ...view, practice };
	});

export const actions: Actions = {
	complete: (event) =>
		runAction(event, async () => {
			const { course, module, lesson } = event.params;
			const result = await completeLesson(
				event.locals.ctx,
				event.locals.user,
				course,
				`${module}/${lesson}`
			);
			return { completion: result };
		})
};
