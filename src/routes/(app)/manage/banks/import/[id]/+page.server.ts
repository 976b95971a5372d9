import { redirect } from '@sveltejs/kit';
import { runAction, runLoad } from '$lib/server/http';
import {
	commitQuestionImport,
	discardQuestionImport,
	getQuestionImport
} from '$lib/server/questions/service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	runLoad(event, async () => ({
		view: await getQuestionImport(event.locals.ctx, event.locals.user, Number(event.params.id))
	}));

export const actions: Actions = {
	commit: async (event) => {
		const result = await runAction(event, async () => {
			await commitQuestionImport(event.locals.ctx, event.locals.user, Number(event.params.id));
			return null;
		});
		if (result !== null) return result;
		redirect(303, `/manage/banks/import/${event.params.id}`);
	},
	discard: async (event) => {
		const result = await runAction(event, async () => {
			await discardQuestionImport(event.locals.ctx, event.locals.user, Number(event.params.id));
			return null;
		});
		if (result !== null) return result;
		redirect(303, `/manage/banks/import/${event.params.id}`);
	}
};
