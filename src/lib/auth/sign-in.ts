import type { MessageKey, Params } from '../i18n/messages';

/**
 * Why a sign-in was refused, and the words for it: shared by the server, which refuses, and the
 * login page, which must also explain a refusal that never reached the sign-in itself.
 */
export type SignInRefusalReason =
	'missing' | 'invalid' | 'captcha-missing' | 'captcha-wrong' | 'wait';

export interface SignInRefusal {
	reason: SignInRefusalReason;
	/** Before the next try of this account from this address; 0 when it may be tried now. */
	retryAfterMs: number;
}

export interface SignInProblem {
	key: MessageKey;
	params?: Params;
}

const KEYS: Record<SignInRefusalReason, MessageKey> = {
	missing: 'login.missing',
	invalid: 'login.invalid',
	'captcha-missing': 'login.captchaMissing',
	'captcha-wrong': 'login.captchaWrong',
	wait: 'login.wait'
};

/** The messages for a refused sign-in: what went wrong and, when there is one, the wait. */
export function signInProblems(refusal: SignInRefusal): SignInProblem[] {
	// Whole seconds, rounded up: "try again in 0 s" would be a lie.
	const seconds = Math.ceil(refusal.retryAfterMs / 1000);
	if (refusal.reason === 'wait') return [{ key: 'login.wait', params: { seconds } }];
	const problems: SignInProblem[] = [{ key: KEYS[refusal.reason] }];
	if (seconds > 0) problems.push({ key: 'login.wait', params: { seconds } });
	return problems;
}

/**
 * The message for a submission that was not answered by the sign-in at all: refused before it
 * (a 403 from the same-origin check, a 413, a 5xx), or never sent. Null when the sign-in answered
 * and the page shows its own result. Without this the button would silently do nothing.
 */
export function failedRequestProblem(outcome: object): SignInProblem | null {
	// Typed loosely on purpose: what arrived may not be an action result at all.
	const { type, status: rawStatus } = outcome as { type?: unknown; status?: unknown };
	if (type === 'success' || type === 'failure' || type === 'redirect') return null;
	if (type === 'error') {
		const status = typeof rawStatus === 'number' ? rawStatus : null;
		// No status: the request never got an answer from the app (network down, a proxy error page).
		if (status === null) return { key: 'login.offline' };
		if (status === 403) return { key: 'login.forbidden' };
		return { key: 'login.refused', params: { status } };
	}
	// Not an action result at all: an answer from something in front of the sign-in, such as
	// SvelteKit's own cross-site check, which sends a bare {"message": ...} with a 403.
	return { key: 'login.forbidden' };
}
