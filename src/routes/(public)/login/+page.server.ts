import { redirect } from '@sveltejs/kit';
import { signInProblems } from '$lib/auth/sign-in';
import { isLocale } from '$lib/i18n/messages';
import { setLocaleCookie, setSessionCookie } from '$lib/server/auth/cookie';
import { safeRedirectPath } from '$lib/server/auth/redirect';
import { captchaForLoginPage, issueCaptcha, renewCaptcha, signIn } from '$lib/server/auth/service';
import type { Actions, PageServerLoad } from './$types';

/** Only same-origin paths: an open redirect after sign-in would be a phishing aid. */
const safeNext = (url: URL): string => safeRedirectPath(url.searchParams.get('next'), url.origin);

export const load: PageServerLoad = async ({ locals, url, getClientAddress }) => {
	if (locals.user) redirect(303, safeNext(url));
	return { captcha: await captchaForLoginPage(locals.ctx, getClientAddress()) };
};

// One default action, so a plain POST to /login signs in; 换一张 posts intent=captcha to it.
export const actions: Actions = {
	default: async ({ request, locals, cookies, url, getClientAddress }) => {
		const form = await request.formData();
		const field = (name: string): string => String(form.get(name) ?? '');
		const username = field('username');
		const ip = getClientAddress();
		if (field('intent') === 'captcha') {
			return {
				username,
				captcha: await renewCaptcha(locals.ctx, ip, field('captchaId')),
				problems: []
			};
		}
		const result = await signIn(locals.ctx, {
			username,
			password: field('password'),
			ip,
			captcha: { id: field('captchaId'), answer: field('captchaAnswer') }
		});
		if (!result.ok) {
			const captcha = result.captchaRequired ? await issueCaptcha(locals.ctx, ip) : null;
			return { username, captcha, problems: signInProblems(result) };
		}
		setSessionCookie(cookies, url, result.token, result.absoluteExpiresAt);
		if (isLocale(result.locale)) {
			setLocaleCookie(cookies, url, result.locale);
		}
		redirect(303, safeNext(url));
	}
};
