// SvelteKit's own json() on purpose: the bench measures SvelteKit's ceiling with this endpoint.
// eslint-disable-next-line no-restricted-imports
import { json } from '@sveltejs/kit';
import { isDatabaseHealthy } from '$lib/server/health/service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals }) => {
	const ok = await isDatabaseHealthy(locals.ctx);
	return json({ ok }, { status: ok ? 200 : 503, headers: { 'cache-control': 'no-store' } });
};
