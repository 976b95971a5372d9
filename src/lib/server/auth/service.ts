import { recordAudit } from '../audit/service';
import type { AppContext } from '../context';
import { Invalid } from '../errors';
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './password';
import * as data from './data';
import { invalidateStaffSessions, type SessionUser } from './session';
import { discardCaptcha, issueCaptcha, type CaptchaChallenge } from './captcha';
import { isCaptchaRequiredFrom } from './throttle';

export { signIn, type SignInInput, type SignInResult } from './sign-in';
export { issueCaptcha, type CaptchaChallenge } from './captcha';
export { MIN_PASSWORD_LENGTH } from './password';
export {
	createSession,
	invalidateSession,
	invalidateStaffSessions,
	purgeExpiredSessions,
	toSessionUser,
	validateSessionToken,
	type SessionUser,
	type ValidSession
} from './session';
export {
	passwordResetStatus,
	resetPassword,
	type PasswordReset,
	type ResetTarget
} from './password-reset';

/** The CAPTCHA the login page shows before anyone types: only when the address itself needs one. */
export async function captchaForLoginPage(
	ctx: AppContext,
	ip: string
): Promise<CaptchaChallenge | null> {
	return (await isCaptchaRequiredFrom(ctx, ip)) ? await issueCaptcha(ctx, ip) : null;
}

/** A new image in place of one the person cannot read (换一张). */
export async function renewCaptcha(
	ctx: AppContext,
	ip: string,
	oldId: string | null
): Promise<CaptchaChallenge> {
	await discardCaptcha(ctx, oldId);
	return await issueCaptcha(ctx, ip);
}

/** Sets a new password; other sessions of the person end, the current one stays. */
export async function changePassword(
	ctx: AppContext,
	user: SessionUser,
	input: { current: string; next: string; confirm: string; sessionId: string }
): Promise<void> {
	const staff = await data.selectStaffById(ctx.db, user.id);
	if (!staff?.passwordHash || !(await verifyPassword(staff.passwordHash, input.current))) {
		throw new Invalid([{ key: 'password.wrongCurrent', field: 'current' }]);
	}
	if (input.next.length < MIN_PASSWORD_LENGTH) {
		throw new Invalid([
			{ key: 'password.tooShort', params: { min: MIN_PASSWORD_LENGTH }, field: 'next' }
		]);
	}
	if (input.next !== input.confirm)
		throw new Invalid([{ key: 'password.mismatch', field: 'confirm' }]);
	if (input.next === input.current)
		throw new Invalid([{ key: 'password.sameAsOld', field: 'next' }]);
	const passwordHash = await hashPassword(input.next);
	await data.updatePassword(ctx.db, user.id, passwordHash, false, ctx.clock.now());
	await invalidateStaffSessions(ctx, user.id, input.sessionId);
	await recordAudit(ctx, {
		action: 'password.change',
		actorStaffId: user.id,
		target: user.employeeNo
	});
}

/** Remembers the person's language so it follows them to another device. */
export async function rememberLocale(
	ctx: AppContext,
	user: SessionUser,
	locale: string
): Promise<void> {
	await data.updateLocale(ctx.db, user.id, locale);
}

// For other domains: steps of their transactions and reads they need. They take no person (the
// calling service has checked); reads take the handle to read on, `ctx.db` or the caller's `tx`.

export { invalidateStaffSessionsIn } from './session';
export { generateInitialPassword, hashInitialPassword } from './password';
export { selectRoles, selectStaffByEmployeeNo, selectStaffById } from './data';
