import { startAttempt } from '$lib/server/exams/service';
import { domainErrorJson, json } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** Starts an attempt or returns the open one (idempotent), as JSON. */
export const POST: RequestHandler = async ({ locals, params }) => {
	try {
		const started = await startAttempt(locals.ctx, locals.user, Number(params.examId));
		return json({ attemptId: started.id, deadline: started.deadline });
	} catch (e) {
		return domainErrorJson(e);
	}
};
