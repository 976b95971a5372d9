import type { Cookies } from '@sveltejs/kit';
import { LOCALE_COOKIE, type Locale } from '../../i18n/messages';

export const SESSION_COOKIE = 'qualify_session';

/**
 * Cookies are Secure exactly when the request came over https: `url` carries the real protocol
 * (the socket's, or PROTOCOL_HEADER's behind a proxy, or ORIGIN's). A browser drops a Secure
 * cookie sent over plain http from any address but localhost, so marking cookies Secure on an
 * http intranet address (http://10.1.2.3:3000) would make signing in impossible there.
 */
export function isSecureRequest(url: URL): boolean {
	return url.protocol === 'https:';
}

export function setSessionCookie(
	cookies: Cookies,
	url: URL,
	token: string,
	expiresAt: number
): void {
	cookies.set(SESSION_COOKIE, token, {
		httpOnly: true,
		sameSite: 'lax',
		secure: isSecureRequest(url),
		path: '/',
		expires: new Date(expiresAt)
	});
}

export function deleteSessionCookie(cookies: Cookies, url: URL): void {
	cookies.delete(SESSION_COOKIE, { path: '/', secure: isSecureRequest(url) });
}

/** The chosen language, readable by the page; a year long. */
export function setLocaleCookie(cookies: Cookies, url: URL, locale: Locale): void {
	cookies.set(LOCALE_COOKIE, locale, {
		path: '/',
		httpOnly: false,
		sameSite: 'lax',
		secure: isSecureRequest(url),
		maxAge: 31_536_000
	});
}
