import { getSignInQr } from '$lib/server/classroom/service';
import { domainErrorJson, json } from '$lib/server/http';
import type { RequestHandler } from './$types';

/** The trainer's screen asks for the next QR sign-in code when the current one changes. */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	try {
		const qr = await getSignInQr(locals.ctx, locals.user, Number(params.id), url.origin);
		return json({ qr }, { headers: { 'cache-control': 'no-store' } });
	} catch (e) {
		return domainErrorJson(e);
	}
};
