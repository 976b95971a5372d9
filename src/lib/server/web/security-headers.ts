/*
 * Headers every answer of the app carries. The Content-Security-Policy itself is SvelteKit's
 * (kit.csp in svelte.config.js), because only SvelteKit knows the nonce of its inline script.
 */

/** One year: browsers keep to https for this long once they have seen it over https. */
const HSTS_MAX_AGE = 31_536_000;

export interface Served {
	/** The request came over https (the socket's protocol, PROTOCOL_HEADER or ORIGIN). */
	https: boolean;
	/** A signed-in person's answer: it must never be kept by a browser or proxy cache. */
	signedIn: boolean;
}

export function addSecurityHeaders(headers: Headers, served: Served): void {
	headers.set('x-frame-options', 'DENY');
	headers.set('x-content-type-options', 'nosniff');
	headers.set('referrer-policy', 'same-origin');
	// Sent over plain http it would be ignored anyway; over https it pins the browser to https.
	// No includeSubDomains: other intranet hosts under the same name may still be plain http.
	if (served.https) headers.set('strict-transport-security', `max-age=${HSTS_MAX_AGE}`);
	if (served.signedIn) headers.set('cache-control', 'no-store');
}
