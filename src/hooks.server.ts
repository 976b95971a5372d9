import {
	redirect,
	type Handle,
	type HandleServerError,
	type RequestEvent,
	type ServerInit
} from '@sveltejs/kit';
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, type Locale } from '$lib/i18n/messages';
import { recordAudit } from '$lib/server/audit/service';
import { deleteSessionCookie, SESSION_COOKIE } from '$lib/server/auth/cookie';
import { admits, ALLOWED_BEFORE_PASSWORD_CHANGE, policyFor } from '$lib/server/auth/policies';
import { validateSessionToken } from '$lib/server/auth/service';
import { bootApp, getApp } from '$lib/server/boot';
import { isDatabaseUnavailable } from '$lib/server/db';
import { log } from '$lib/server/log';
import { bodyLimitMegabytes } from '$lib/server/web/body-limit';
import { refusal } from '$lib/server/web/refusal';
import { isForeignWrite } from '$lib/server/web/same-origin';
import { addSecurityHeaders } from '$lib/server/web/security-headers';
import { warmRoutes } from '$lib/server/web/warm-routes';

export const init: ServerInit = async () => {
	await bootApp();
	await warmRoutes();
};

type Resolve = Parameters<Handle>[0]['resolve'];

async function answer(event: RequestEvent, resolve: Resolve): Promise<Response> {
	const ctx = getApp();
	event.locals.ctx = ctx;
	const cookieLocale = event.cookies.get(LOCALE_COOKIE);

	// Before the session is even looked up: a forged request must not touch it.
	if (isForeignWrite(event.request, event.url)) {
		log.warn(
			{ path: event.url.pathname, origin: event.request.headers.get('origin') },
			'refused a request from another origin'
		);
		const locale = isLocale(cookieLocale) ? cookieLocale : DEFAULT_LOCALE;
		return refusal(event, 403, 'error.crossOrigin', locale);
	}

	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		const valid = await validateSessionToken(ctx, token);
		if (valid) {
			event.locals.user = valid.user;
			event.locals.session = { id: valid.id, expiresAt: valid.expiresAt };
		} else {
			deleteSessionCookie(event.cookies, event.url);
		}
	}
	const user = event.locals.user;
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
			return refusal(event, 403, 'error.forbidden', locale);
		}
		if (policy !== 'public') {
			if (!user) {
				if (event.request.method === 'GET' && !event.isDataRequest) {
					redirect(303, `/login?next=${encodeURIComponent(event.url.pathname + event.url.search)}`);
				}
				return refusal(event, 401, 'login.expired', locale);
			}
			if (user.mustChangePassword && !ALLOWED_BEFORE_PASSWORD_CHANGE.has(routeId)) {
				redirect(303, '/password');
			}
			if (!admits(policy, user)) {
				await recordAudit(ctx, {
					action: 'access.denied',
					actorStaffId: user.id,
					target: event.url.pathname,
					ip: event.getClientAddress()
				});
				return refusal(event, 403, 'error.forbidden', locale);
			}
		}
	}

	return resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', locale)
	});
}

export const handle: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.session = null;
	let response: Response;
	try {
		response = await answer(event, resolve);
	} catch (e) {
		// The session lookup or the audit write met a database that cannot answer now.
		if (!isDatabaseUnavailable(e)) throw e;
		log.warn({ path: event.url.pathname, err: (e as Error).message }, 'database unavailable');
		const cookieLocale = event.cookies.get(LOCALE_COOKIE);
		response = refusal(
			event,
			503,
			'error.databaseUnavailable',
			isLocale(cookieLocale) ? cookieLocale : DEFAULT_LOCALE
		);
		response.headers.set('retry-after', '2');
	}
	addSecurityHeaders(response.headers, {
		https: event.url.protocol === 'https:',
		signedIn: event.locals.user !== null
	});
	return response;
};

export const handleError: HandleServerError = ({ error: e, event, status }) => {
	// Over BODY_SIZE_LIMIT: the person chose too large a file; nothing is broken.
	if (status === 413) {
		log.warn({ path: event.url.pathname, limitMb: bodyLimitMegabytes() }, 'request body too large');
		return { message: 'error.tooLarge', params: { limit: bodyLimitMegabytes() } };
	}
	if (isDatabaseUnavailable(e)) {
		log.warn({ path: event.url.pathname, err: (e as Error).message }, 'database unavailable');
		return { message: 'error.databaseUnavailable' };
	}
	if (status !== 404) log.error({ err: e, path: event.url.pathname }, 'unhandled error');
	return { message: 'error.generic' };
};
