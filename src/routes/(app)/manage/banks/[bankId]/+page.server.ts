import { redirect } from '@sveltejs/kit';
import { runAction, runLoad } from '$lib/server/http';
import {
	createQuestion,
	getBank,
	readBankQuery,
	readNewQuestionForm
} from '$lib/server/questions/service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	runLoad(event, async () => {
		const query = readBankQuery(event.url.searchParams);
		const { ctx, user } = event.locals;
		return { ...(await getBank(ctx, user, Number(event.params.bankId), query)), query };
	});

export const actions: Actions = {
	create: async (event) => {
		const form = await event.request.formData();
		const bankId = Number(event.params.bankId);
		const result = await runAction(event, async () => {
			const input = readNewQuestionForm(form);
			return (await createQuestion(event.locals.ctx, event.locals.user, bankId, input)).questionId;
		});
		if (typeof result === 'number') redirect(303, `/manage/banks/${bankId}/questions/${result}`);
		return result;
	}
};
