import type { SignInRefusal, SignInRefusalReason } from '../../auth/sign-in';
import { recordAudit } from '../audit/service';
import type { AppContext } from '../context';
import { checkCaptcha } from './captcha';
import { hashPassword, verifyPassword } from './password';
import * as data from './data';
import { createSession } from './session';
import {
	assessSignIn,
	clearAfterSignIn,
	isCaptchaRequiredFrom,
	recordSignInFailure
} from './throttle';

export interface SignInRefused extends SignInRefusal {
	ok: false;
	/** Whether the next try must carry a solved CAPTCHA. */
	captchaRequired: boolean;
}

export type SignInResult =
	| {
			ok: true;
			token: string;
			sessionId: string;
			expiresAt: number;
			absoluteExpiresAt: number;
			locale: string | null;
	  }
	| SignInRefused;

export interface SignInInput {
	username: string;
	password: string;
	/** The client's address; null only outside a web request (tests, tools). */
	ip?: string | null;
	/** The challenge shown and what the person typed for it. */
	captcha?: { id: string; answer: string } | null;
}

// Verifying against a real hash when the account does not exist keeps the response time the
// same, so timing does not tell an unknown employee number from a wrong password.
let dummyHash: Promise<string> | undefined;
function getDummyHash(): Promise<string> {
	dummyHash ??= hashPassword('qualify-timing-equaliser');
	return dummyHash;
}

function refuse(
	reason: SignInRefusalReason,
	captchaRequired: boolean,
	retryAfterMs = 0
): SignInResult {
	return { ok: false, reason, captchaRequired, retryAfterMs };
}

/**
 * Checks credentials and opens a new session. In order: a wait still running for this account at
 * this address refuses at once (not counted, so hammering does not lengthen it); a CAPTCHA the
 * account or address needs must be solved, or the try counts as a failure without the password
 * ever being looked at; then the password. Every failure is audited with its reason.
 */
export async function signIn(ctx: AppContext, input: SignInInput): Promise<SignInResult> {
	const username = input.username.trim();
	const ip = input.ip ?? null;
	// Used up whatever happens next: an image can be tried once.
	const captcha = await checkCaptcha(ctx, input.captcha?.id, input.captcha?.answer);
	if (!username || !input.password) {
		const captchaRequired = username
			? (await assessSignIn(ctx, username, ip)).captchaRequired
			: ip !== null && (await isCaptchaRequiredFrom(ctx, ip));
		return refuse('missing', captchaRequired);
	}
	const before = await assessSignIn(ctx, username, ip);
	const fail = async (detail: Record<string, unknown>) =>
		await recordAudit(ctx, { action: 'login.failure', target: username, detail, ip });

	if (before.retryAt !== null) {
		const retryAfterMs = before.retryAt - ctx.clock.now();
		await fail({ reason: 'wait', retryAfterMs });
		return refuse('wait', before.captchaRequired, retryAfterMs);
	}
	if (before.captchaRequired && captcha !== 'solved') {
		await recordSignInFailure(ctx, username, ip, 'captcha');
		const reason = captcha === 'missing' ? 'captcha-missing' : 'captcha-wrong';
		await fail({ reason });
		return refuse(reason, true);
	}

	const staff = await data.selectStaffByEmployeeNo(ctx.db, username);
	const usable = staff && staff.status !== 'left' && staff.passwordHash ? staff : null;
	const valid = await verifyPassword(
		usable?.passwordHash ?? (await getDummyHash()),
		input.password
	);
	if (!usable || !valid) {
		const after = await recordSignInFailure(ctx, username, ip, 'password');
		const retryAfterMs = after.retryAt === null ? 0 : after.retryAt - ctx.clock.now();
		await fail({ reason: 'password', captchaRequired: after.captchaRequired, retryAfterMs });
		return refuse('invalid', after.captchaRequired, retryAfterMs);
	}

	await clearAfterSignIn(ctx, username, ip);
	const created = await createSession(ctx, usable.id);
	await recordAudit(ctx, {
		action: 'login.success',
		actorStaffId: usable.id,
		target: username,
		ip
	});
	return { ok: true, ...created, locale: usable.locale };
}
