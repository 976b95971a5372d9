import { runAction, runLoad } from '$lib/server/http';
import {
	getNotebook,
	markMastered,
	readNotebookFilter,
	startPractice
} from '$lib/server/practice/service';
import { renderQuestionText } from '$lib/server/questions/service';
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	runLoad(event, async () => {
		const page = await getNotebook(
			event.locals.ctx,
			event.locals.user,
			readNotebookFilter(event.url.searchParams)
		);
		// Texts rendered (sanitized) here; the key only where the service left it.
		const items = page.items.map((i) => {
			const html = (text: string): string =>
				renderQuestionText(text, i.question.format ?? 'markdown');
			return {
				questionId: i.questionId,
				bankName: i.bankName,
				category: i.category,
				knowledgePoints: i.knowledgePoints,
				timesWrong: i.timesWrong,
				lastWrongAt: i.lastWrongAt,
				correctSince: i.correctSince,
				type: i.question.type,
				stemHtml: html(i.question.stem),
				options: (
					i.key?.options ?? i.question.options.map((o, k) => ({ ...o, id: 'ABCDEFGH'[k]! }))
				).map((o) => ({ id: o.id, html: html(o.text), correct: i.key ? o.correct : false })),
				correctAnswer: i.key?.correctAnswer ?? null,
				explanationHtml: i.key?.explanation ? html(i.key.explanation) : null,
				hiddenBecause: i.hiddenBecause
			};
		});
		return { ...page, items };
	});

export const actions: Actions = {
	master: async (event) => {
		const form = await event.request.formData();
		return runAction(event, async () => {
			await markMastered(event.locals.ctx, event.locals.user, Number(form.get('questionId')));
			return { mastered: true };
		});
	},
	practise: async (event) => {
		const form = await event.request.formData();
		const filter = readNotebookFilter(
			new URLSearchParams({
				bank: String(form.get('bank') ?? ''),
				point: String(form.get('point') ?? '')
			})
		);
		const result = await runAction(event, async () => ({
			attemptId: await startPractice(event.locals.ctx, event.locals.user, {
				mode: 'wrong',
				bankId: filter.bankId,
				category: null,
				tag: filter.knowledgePoint,
				type: null,
				count: null
			})
		}));
		if ('attemptId' in result) redirect(303, `/practice/${result.attemptId}`);
		return result;
	}
};
