import { redirect } from '@sveltejs/kit';
import { runAction, runLoad } from '$lib/server/http';
import { commitRosterImport, discardRosterImport } from '$lib/server/roster/service';
import { getRosterImport } from '$lib/server/roster/view';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	runLoad(event, () => ({
		view: getRosterImport(event.locals.ctx, event.locals.user, Number(event.params.id))
	}));

export const actions: Actions = {
	commit: async (event) => {
		const result = await runAction(event, async () => {
			await commitRosterImport(event.locals.ctx, event.locals.user, Number(event.params.id));
			return null;
		});
		if (result !== null) return result;
		redirect(303, `/manage/import/${event.params.id}`);
	},
	discard: async (event) => {
		const result = await runAction(event, () => {
			discardRosterImport(event.locals.ctx, event.locals.user, Number(event.params.id));
			return null;
		});
		if (result !== null) return result;
		redirect(303, `/manage/import/${event.params.id}`);
	}
};
