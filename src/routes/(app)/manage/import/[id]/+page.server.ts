import { redirect } from '@sveltejs/kit';
import { runAction, runLoad } from '$lib/server/http';
import {
	discardRosterImport,
	getRosterImport,
	startRosterCommit
} from '$lib/server/roster/service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	// The progress bar re-runs this load while the commit job runs.
	event.depends('roster:import');
	return runLoad(event, async () => ({
		view: await getRosterImport(event.locals.ctx, event.locals.user, Number(event.params.id))
	}));
};

export const actions: Actions = {
	commit: async (event) => {
		// The job runs on in the background; the page then shows its progress.
		const result = await runAction(event, async () => {
			await startRosterCommit(event.locals.ctx, event.locals.user, Number(event.params.id));
			return null;
		});
		if (result !== null) return result;
		redirect(303, `/manage/import/${event.params.id}`);
	},
	discard: async (event) => {
		const result = await runAction(event, async () => {
			await discardRosterImport(event.locals.ctx, event.locals.user, Number(event.params.id));
			return null;
		});
		if (result !== null) return result;
		redirect(303, `/manage/import/${event.params.id}`);
	}
};
