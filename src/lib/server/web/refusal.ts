import type { Locale, MessageKey } from '../../i18n/messages';
import { plainPageResponse } from './plain-page';

interface RefusedRequest {
	request: Request;
	isDataRequest: boolean;
}

function json(body: unknown, status: number): Response {
	return new Response(JSON.stringify(body), {
		status,
		headers: { 'content-type': 'application/json', 'cache-control': 'no-store' }
	});
}

// The JSON endpoints live under /api/; anything else asking for JSON gets it too.
function wantsJson(request: Request): boolean {
	const accept = request.headers.get('accept') ?? '';
	const type = request.headers.get('content-type') ?? '';
	return (
		new URL(request.url).pathname.startsWith('/api/') ||
		type.includes('application/json') ||
		accept.includes('application/json')
	);
}

/**
 * A refusal decided in the hook, before any route runs, in the shape the asker can show:
 * - a `use:enhance` form post gets an action error, so the page shows the error page (a plain
 *   403 would make the form silently do nothing);
 * - a page's data request, or a JSON call or endpoint, gets JSON with `message` (SvelteKit's error shape)
 *   and `error`/`params` (the JSON endpoints' shape, see domainErrorJson);
 * - a browser's ordinary form post or page load gets a small page in the person's language.
 */
export function refusal(
	event: RefusedRequest,
	status: number,
	key: MessageKey,
	locale: Locale
): Response {
	const { request } = event;
	if (request.headers.get('x-sveltekit-action') === 'true') {
		return json({ type: 'error', status, error: { message: key } }, status);
	}
	if (event.isDataRequest || wantsJson(request)) {
		return json({ message: key, error: key, params: {} }, status);
	}
	return plainPageResponse({
		locale,
		status,
		title: 'error.title',
		message: key,
		params: { status },
		link: { href: '/', label: 'error.backHome' }
	});
}
