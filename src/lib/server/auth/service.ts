import { recordAudit } from '../audit/service';
import type { AppContext } from '../context';
import { Invalid } from '../errors';
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './password';
import * as q from './queries';
import { createSession, invalidateStaffSessions, type SessionUser } from './session';
import {
	clearFailedLogins,
	isAddressLockedOut,
	isLockedOut,
	recordAddressFailure,
	recordFailedLogin
} from './throttle';

export type SignInResult =
	| {
			ok: true;
			token: string;
			sessionId: string;
			expiresAt: number;
			absoluteExpiresAt: number;
			locale: string | null;
	  }
	| { ok: false; reason: 'invalid' | 'locked' | 'missing' };

// Verifying against a real hash when the account does not exist keeps the response time the
// same, so timing does not tell an unknown employee number from a wrong password.
let dummyHash: Promise<string> | undefined;
function getDummyHash(): Promise<string> {
	dummyHash ??= hashPassword('qualify-timing-equaliser');
	return dummyHash;
}

/** Checks credentials under the per-account throttle and opens a new session. */
export async function signIn(
	ctx: AppContext,
	input: { username: string; password: string; ip?: string | null }
): Promise<SignInResult> {
	const username = input.username.trim();
	if (!username || !input.password) return { ok: false, reason: 'missing' };
	const ip = input.ip ?? null;
	if (isLockedOut(ctx, username) || (ip !== null && isAddressLockedOut(ctx, ip))) {
		recordAudit(ctx, {
			action: 'login.failure',
			target: username,
			detail: { locked: true },
			ip: input.ip
		});
		return { ok: false, reason: 'locked' };
	}
	const staff = q.selectStaffByEmployeeNo(ctx.db, username);
	const usable = staff && staff.status !== 'left' && staff.passwordHash ? staff : null;
	const valid = await verifyPassword(
		usable?.passwordHash ?? (await getDummyHash()),
		input.password
	);
	if (!usable || !valid) {
		const lockedNow = recordFailedLogin(ctx, username);
		const addressBlocked = ip !== null && recordAddressFailure(ctx, ip);
		recordAudit(ctx, { action: 'login.failure', target: username, ip: input.ip });
		if (lockedNow) recordAudit(ctx, { action: 'login.lockout', target: username, ip: input.ip });
		if (addressBlocked) {
			recordAudit(ctx, {
				action: 'login.lockout',
				target: username,
				detail: { address: true },
				ip: input.ip
			});
		}
		return { ok: false, reason: 'invalid' };
	}
	clearFailedLogins(ctx, username);
	const created = createSession(ctx, usable.id);
	recordAudit(ctx, {
		action: 'login.success',
		actorStaffId: usable.id,
		target: username,
		ip: input.ip
	});
	return { ok: true, ...created, locale: usable.locale };
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
