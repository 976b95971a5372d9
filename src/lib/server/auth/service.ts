import { recordAudit } from '../audit/service';
import type { AppContext } from '../context';
import { Invalid } from '../errors';
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './password';
import * as q from './queries';
import { invalidateStaffSessions, type SessionUser } from './session';
import { discardCaptcha, issueCaptcha, type CaptchaChallenge } from './captcha';
import { isCaptchaRequiredFrom } from './throttle';

export { signIn, type SignInInput, type SignInResult } from './sign-in';
export { issueCaptcha, type CaptchaChallenge } from './captcha';

/** The CAPTCHA the login page shows before anyone types: only when the address itself needs one. */
export function captchaForLoginPage(ctx: AppContext, ip: string): CaptchaChallenge | null {
	return isCaptchaRequiredFrom(ctx, ip) ? issueCaptcha(ctx, ip) : null;
}

/** A new image in place of one the person cannot read (换一张). */
export function renewCaptcha(ctx: AppContext, ip: string, oldId: string | null): CaptchaChallenge {
	discardCaptcha(ctx, oldId);
	return issueCaptcha(ctx, ip);
}

/** Sets a new password; other sessions of the person end, the current one stays. */
export async function changePassword(
	ctx: AppContext,
	user: SessionUser,
	input: { current: string; next: string; confirm: string; sessionId: string }
): Promise<void> {
	const staff = q.selectStaffById(ctx.db, user.id);
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
	q.updatePassword(ctx.db, user.id, passwordHash, false, ctx.clock.now());
	invalidateStaffSessions(ctx, user.id, input.sessionId);
	recordAudit(ctx, { action: 'password.change', actorStaffId: user.id, target: user.employeeNo });
}

/** Remembers the person's language so it follows them to another device. */
export function rememberLocale(ctx: AppContext, user: SessionUser, locale: string): void {
	q.updateLocale(ctx.db, user.id, locale);
}
