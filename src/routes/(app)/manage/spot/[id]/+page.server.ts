import { runAction, runLoad } from '$lib/server/http';
import {
	assignRemedial,
	drawCampaign,
	getCampaignView,
	getMakeupList,
	recordSpotStatus,
	redrawCampaign,
	replaceWithAlternate
} from '$lib/server/spot/service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	runLoad(event, async () => {
		const { ctx, user } = event.locals;
		const campaignId = Number(event.params.id);
		return {
			...(await getCampaignView(ctx, user, campaignId)),
			makeup: await getMakeupList(ctx, user, campaignId)
		};
	});

type Event = Parameters<Actions[string]>[0];
const id = (event: Event): number => Number(event.params.id);
const field = (form: FormData, name: string): string => String(form.get(name) ?? '');

export const actions: Actions = {
	draw: (event) =>
		runAction(event, async () => {
			await drawCampaign(event.locals.ctx, event.locals.user, id(event));
			return { done: 'draw' };
		}),
	redraw: async (event) => {
		const form = await event.request.formData();
		return runAction(event, async () => {
			await redrawCampaign(event.locals.ctx, event.locals.user, id(event), field(form, 'reason'));
			return { done: 'redraw' };
		});
	},
	status: async (event) => {
		const form = await event.request.formData();
		const kind = field(form, 'kind') === 'exempt' ? 'exempt' : 'absent';
		return runAction(event, async () => {
			const { ctx, user } = event.locals;
			await recordSpotStatus(
				ctx,
				user,
				id(event),
				Number(field(form, 'assignmentId')),
				kind,
				field(form, 'reason')
			);
			return { done: 'status' };
		});
	},
	replace: async (event) => {
		const form = await event.request.formData();
		return runAction(event, async () => {
			await replaceWithAlternate(
				event.locals.ctx,
				event.locals.user,
				id(event),
				Number(field(form, 'assignmentId'))
			);
			return { done: 'replace' };
		});
	},
	remedial: async (event) => {
		const form = await event.request.formData();
		return runAction(event, async () => {
			await assignRemedial(
				event.locals.ctx,
				event.locals.user,
				id(event),
				Number(field(form, 'assignmentId'))
			);
			return { done: 'remedial' };
		});
	}
};
