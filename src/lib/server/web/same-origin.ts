/**
 * The one same-origin rule for requests that change something. SvelteKit's own check covers
 * only form content types and answers in plain text, so it is switched off in svelte.config.js
 * and this rule, called first thing in hooks.server.ts, covers every route: pages, actions,
 * JSON endpoints, /logout and /locale alike.
 */

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

// What a plain HTML form (or SvelteKit's binary form) can send without a CORS preflight.
const FORM_CONTENT_TYPES = [
	'application/x-www-form-urlencoded',
	'multipart/form-data',
	'text/plain',
	'application/x-sveltekit-formdata'
];

function isFormContentType(request: Request): boolean {
	const type = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
	return FORM_CONTENT_TYPES.includes(type);
}

/**
 * True when a request that may change state did not come from a page of this site: it names
 * another origin (or the opaque "null"), or it is a form post that names none at all.
 * `url.origin` is the address the request came to (ORIGIN, or the proxy's or the socket's
 * protocol with the Host header), so the rule holds at localhost, an IP or an intranet name.
 * Browsers send Origin on every POST; a JSON or bodiless request without one is not a browser
 * forgery (non-browser clients such as the benchmark send none) and stays allowed.
 */
export function isForeignWrite(request: Request, url: URL): boolean {
	if (SAFE_METHODS.has(request.method)) return false;
	const origin = request.headers.get('origin');
	if (origin !== null) return origin !== url.origin;
	return isFormContentType(request);
}
