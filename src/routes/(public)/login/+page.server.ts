import { redirect } from '@sveltejs/kit';
import { LOCALE_COOKIE, isLocale } from '$lib/i18n/messages';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { safeRedirectPath } from '$lib/server/auth/redirect';
import { signIn } from '$lib/server/auth/service';
import type { Actions, PageServerLoad } from './$types';

/** Only same-origin paths: an open redirect after sign-in would be a phishing aid. */
const safeNext = (url: URL): string => safeRedirectPath(url.searchParams.get('next'), url.origin);

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeNext(url));
	return {};
};

export const actions: Actions = {
	default: async ({ request, locals, cookies, url, getClientAddress }) => {
		const form = await request.formData();
		const username = String(form.get('username') ?? '');
		const password = String(form.get('password') ?? '');
		const result = await signIn(locals.ctx, { username, password, ip: getClientAddress() });
		if (!result.ok) {
			const key =
				result.reason === 'locked'
					? 'login.locked'
					: result.reason === 'missing'
						? 'login.missing'
						: 'login.invalid';
			return { username, problems: [{ key }] };
		}
		setSessionCookie(cookies, url, result.token, result.absoluteExpiresAt);
		if (isLocale(result.locale)) {
			cookies.set(LOCALE_COOKIE, result.locale, {
				path: '/',
				httpOnly: false,
				sameSite: 'lax',
				maxAge: 31_536_000
			});
		}
		redirect(303, safeNext(url));
	}
};
