import { redirect } from '@sveltejs/kit';
import { runAction, runLoad } from '$lib/server/http';
import { getMasteryThreshold, setMasteryThreshold } from '$lib/server/practice/service';
import { createBank, listBanks, setBankPracticeOpen } from '$lib/server/questions/service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	runLoad(event, async () => ({
		banks: await listBanks(event.locals.ctx, event.locals.user),
		masteryThreshold: await getMasteryThreshold(event.locals.ctx.db)
	}));

export const actions: Actions = {
	create: async (event) => {
		const form = await event.request.formData();
		const result = await runAction(event, async () => {
			const name = form.get('name');
			const description = form.get('description');
			return (
				await createBank(event.locals.ctx, event.locals.user, {
					name: typeof name === 'string' ? name : '',
					description: typeof description === 'string' ? description : ''
				})
			).bankId;
		});
		if (typeof result === 'number') redirect(303, `/manage/banks/${result}`);
		return result;
	},
	// 练习开放 / 保密, per bank.
	practice: async (event) => {
		const form = await event.request.formData();
		return runAction(event, async () => {
			await setBankPracticeOpen(
				event.locals.ctx,
				event.locals.user,
				Number(form.get('bankId')),
				form.get('open') === 'true'
			);
			return { practiceSaved: true };
		});
	},
	threshold: async (event) => {
		const form = await event.request.formData();
		return runAction(event, async () => {
			await setMasteryThreshold(event.locals.ctx, event.locals.user, Number(form.get('threshold')));
			return { thresholdSaved: true };
		});
	}
};
