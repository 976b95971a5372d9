import { saveAnswerGrouped } from '$lib/server/exams/service';
import { domainErrorJson, json } from '$lib/server/http';
import type { RequestHandler } from './$types';

/**
 * Saves one answer as the examinee gives it. Replies only after the write has committed, so a
 * 200 means the answer is on disk. Refusals are JSON naming the cause, never a changed answer.
 */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	let body: unknown;
	try {
		body = await request.json();
	} catch {
		body = null;
	}
	if (typeof body !== 'object' || body === null) {
		return json({ error: 'exams.error.malformedAnswer', params: {} }, { status: 400 });
	}
	const input = body as Record<string, unknown>;
	try {
		const result = await saveAnswerGrouped(locals.ctx, locals.user, Number(params.id), {
			position: input.position,
			answer: input.answer,
			flagged: input.flagged,
			seq: input.seq
		});
		return json(result);
	} catch (e) {
		return domainErrorJson(e);
	}
};
