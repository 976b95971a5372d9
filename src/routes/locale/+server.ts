import { redirect } from '@sveltejs/kit';
import { isLocale, LOCALE_COOKIE } from '$lib/i18n/messages';
import { safeRedirectPath } from '$lib/server/auth/redirect';
import { rememberLocale } from '$lib/server/auth/service';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ request, cookies, locals, url }) => {
	const form = await request.formData();
	const locale = form.get('locale');
	const back = form.get('redirectTo');
	if (isLocale(locale)) {
		cookies.set(LOCALE_COOKIE, locale, {
			path: '/',
			httpOnly: false,
			sameSite: 'lax',
			maxAge: 31_536_000
		});
		if (locals.user) rememberLocale(locals.ctx, locals.user, locale);
	}
	redirect(303, safeRedirectPath(typeof back === 'string' ? back : null, url.origin));
};
