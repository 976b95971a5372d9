import { recordSwitch } from '$lib/server/exams/service';
import { domainErrorJson, json } from '$lib/server/http';
import type { RequestHandler } from './$types';

/**
 * Records one switch away from a formal exam's page (切屏) for the attempt's owner. Idempotent
 * per client event id; replies with the count and whether the server has submitted the attempt.
 */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	let body: unknown;
	try {
		body = await request.json();
	} catch {
		body = null;
	}
	const input = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
	try {
		return json(
			await recordSwitch(locals.ctx, locals.user, Number(params.id), {
				eventId: input.eventId,
				kind: input.kind
			})
		);
	} catch (e) {
		return domainErrorJson(e);
	}
};
