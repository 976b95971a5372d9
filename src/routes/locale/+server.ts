import { redirect } from '@sveltejs/kit';
import { isLocale } from '$lib/i18n/messages';
import { setLocaleCookie } from '$lib/server/auth/cookie';
import { safeRedirectPath } from '$lib/server/auth/redirect';
import { rememberLocale } from '$lib/server/auth/service';
import type { RequestHandler } from './$types';

/** The language switch's form. A post without a usable form body changes nothing. */
export const POST: RequestHandler = async ({ request, cookies, locals, url }) => {
	const form = await request.formData().catch(() => null);
	const locale = form?.get('locale');
	const back = form?.get('redirectTo');
	if (isLocale(locale)) {
		setLocaleCookie(cookies, url, locale);
		if (locals.user) await rememberLocale(locals.ctx, locals.user, locale);
	}
	redirect(303, safeRedirectPath(typeof back === 'string' ? back : null, url.origin));
};
