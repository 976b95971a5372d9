import { recordStudyBeat } from '$lib/server/courses/service';
import { domainErrorJson, json } from '$lib/server/http';
import type { RequestHandler } from './$types';

/**
 * A heartbeat from the open lesson page, as JSON `{ kind: 'start' | 'beat' }`. The server counts
 * the time itself; the answer is where the person stands against the lesson's minimum.
 */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	try {
		const body = (await request.json().catch(() => ({}))) as { kind?: unknown };
		const status = await recordStudyBeat(
			locals.ctx,
			locals.user,
			params.course,
			`${params.module}/${params.lesson}`,
			String(body.kind ?? '')
		);
		return json(status);
	} catch (e) {
		return domainErrorJson(e);
	}
};
