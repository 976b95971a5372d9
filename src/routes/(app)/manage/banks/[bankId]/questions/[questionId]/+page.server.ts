import { NotFound } from '$lib/server/errors';
import { runAction, runLoad } from '$lib/server/http';
import {
	editQuestion,
	getQuestion,
	readQuestionForm,
	restoreQuestion,
	retireQuestion
} from '$lib/server/questions/service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	runLoad(event, async () => {
		const { ctx, user } = event.locals;
		const question = await getQuestion(ctx, user, Number(event.params.questionId));
		// A question is addressed through its own bank only.
		if (String(question.bank.id) !== event.params.bankId) throw new NotFound('question in bank');
		return { question };
	});

const reasonOf = (form: FormData): string => {
	const reason = form.get('reason');
	return typeof reason === 'string' ? reason : '';
};

export const actions: Actions = {
	edit: async (event) => {
		const form = await event.request.formData();
		return runAction(event, async () => ({
			saved: await editQuestion(
				event.locals.ctx,
				event.locals.user,
				Number(event.params.questionId),
				readQuestionForm(form)
			)
		}));
	},
	retire: async (event) => {
		const form = await event.request.formData();
		return runAction(event, async () => {
			const id = Number(event.params.questionId);
			await retireQuestion(event.locals.ctx, event.locals.user, id, reasonOf(form));
			return { retired: true };
		});
	},
	restore: async (event) => {
		const form = await event.request.formData();
		return runAction(event, async () => {
			const id = Number(event.params.questionId);
			await restoreQuestion(event.locals.ctx, event.locals.user, id, reasonOf(form));
			return { restored: true };
		});
	}
};
