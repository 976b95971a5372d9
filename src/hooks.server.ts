import {
	error,
	redirect,
	type Handle,
	type HandleServerError,
	type ServerInit
} from '@sveltejs/kit';
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, type Locale } from '$lib/i18n/messages';
import { recordAudit } from '$lib/server/audit/service';
import { deleteSessionCookie, SESSION_COOKIE } from '$lib/server/auth/cookie';
import { ALLOWED_BEFORE_PASSWORD_CHANGE, policyFor } from '$lib/server/auth/policies';
import { validateSessionToken } from '$lib/server/auth/session';
import { bootApp, getApp } from '$lib/server/boot';
import { log } from '$lib/server/log';

export const init: ServerInit = async () => {
	await bootApp();
};

export const handle: Handle = async ({ event, resolve }) => {
	const ctx = getApp();
	event.locals.ctx = ctx;
	event.locals.user = null;
	event.locals.session = null;

	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		const valid = validateSessionToken(ctx, token);
		if (valid) {
			event.locals.user = valid.user;
			event.locals.session = { id: valid.id, expiresAt: valid.expiresAt };
		} else {
			deleteSessionCookie(event.cookies, event.url);
		}
	}
	const user = event.locals.user;
	const cookieLocale = event.cookies.get(LOCALE_COOKIE);
	const locale: Locale = isLocale(cookieLocale)
		? cookieLocale
		: isLocale(user?.locale)
			? user.locale
			: DEFAULT_LOCALE;
	event.locals.locale = locale;

	const routeId = event.route.id;
	if (routeId !== null) {
		const policy = policyFor(routeId);
		// Deny by default: a route nobody declared is reachable by nobody.
		if (policy === undefined) {
			log.error({ routeId }, 'route has no access policy');
			error(403, { message: 'error.forbidden' });
		}
		if (policy !== 'public') {
			if (!user) {
				if (event.request.method === 'GET' && !event.isDataRequest) {
					redirect(303, `/login?next=${encodeURIComponent(event.url.pathname + event.url.search)}`);
				}
				error(401, { message: 'login.expired' });
			}
			if (user.mustChangePassword && !ALLOWED_BEFORE_PASSWORD_CHANGE.has(routeId)) {
				redirect(303, '/password');
			}
			if (policy !== 'signed-in' && !policy.some((role) => user.roles.includes(role))) {
				recordAudit(ctx, {
					action: 'access.denied',
					actorStaffId: user.id,
					target: event.url.pathname,
					ip: event.getClientAddress()
				});
				error(403, { message: 'error.forbidden' });
			}
		}
	}

	return resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', locale)
	});
};

export const handleError: HandleServerError = ({ error: e, event, status }) => {
	if (status !== 404) log.error({ err: e, path: event.url.pathname }, 'unhandled error');
	return { message: 'error.generic' };
};
