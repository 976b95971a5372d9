import { runAction, runLoad } from '$lib/server/http';
import {
	addMentoringNote,
	correctPracticumDay,
	getMenteeLog,
	readDayForm,
	readNoteForm,
	recordPracticumDay
} from '$lib/server/mentoring/service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	runLoad(
		event,
		async () => await getMenteeLog(event.locals.ctx, event.locals.user, Number(event.params.planId))
	);

export const actions: Actions = {
	record: async (event) => {
		const input = readDayForm(await event.request.formData());
		return runAction(event, async () => {
			const result = await recordPracticumDay(
				event.locals.ctx,
				event.locals.user,
				Number(event.params.planId),
				input
			);
			return { done: 'record' as const, day: input.dayNumber, cleared: result.cleared };
		});
	},
	correct: async (event) => {
		const form = await event.request.formData();
		const input = readDayForm(form);
		return runAction(event, async () => {
			const result = await correctPracticumDay(
				event.locals.ctx,
				event.locals.user,
				Number(form.get('dayId')),
				input
			);
			return { done: 'correct' as const, day: input.dayNumber, cleared: result.cleared };
		});
	},
	note: async (event) => {
		const input = readNoteForm(await event.request.formData());
		return runAction(event, async () => {
			await addMentoringNote(
				event.locals.ctx,
				event.locals.user,
				Number(event.params.planId),
				input
			);
			return { done: 'note' as const, day: 0, cleared: false };
		});
	}
};
