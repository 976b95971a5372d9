import { redirect } from '@sveltejs/kit';
import { canManageSpotCampaigns } from '$lib/server/auth/permissions';
import { runAction, runLoad } from '$lib/server/http';
import {
	campaignInputFromForm,
	createCampaign,
	getCampaignFormOptions,
	listCampaigns
} from '$lib/server/spot/service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	runLoad(event, async () => {
		const { ctx, user } = event.locals;
		const campaigns = await listCampaigns(ctx, user);
		// Only HR and admin create campaigns; a branch manager just follows them.
		const options =
			user && canManageSpotCampaigns(user) ? await getCampaignFormOptions(ctx, user) : null;
		return { campaigns, options };
	});

export const actions: Actions = {
	create: async (event) => {
		const form = await event.request.formData();
		return runAction(event, async () => {
			const id = await createCampaign(
				event.locals.ctx,
				event.locals.user,
				campaignInputFromForm(form)
			);
			redirect(303, `/manage/spot/${id}`);
		});
	}
};
