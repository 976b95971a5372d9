import { describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../../src/lib/server/audit/service';
import { changePassword, signIn } from '../../../src/lib/server/auth/service';
import { validateSessionToken } from '../../../src/lib/server/auth/session';
import {
	ADDRESS_WINDOW_MS,
	FAILURE_MEMORY_MS,
	LOCKOUT_MS,
	MAX_ADDRESS_FAILURES,
	MAX_FAILURES,
	recordAddressFailure
} from '../../../src/lib/server/auth/throttle';
import { Invalid } from '../../../src/lib/server/errors';
import { createTestApp } from '../../helpers/app';
import { FACTORY_PASSWORD, makeBranch, makeStaff } from '../../helpers/factories';

async function setup() {
	const app = createTestApp();
	const person = await makeStaff(app, { branchId: makeBranch(app).id, employeeNo: 'YZ0100' });
	return { app, person };
}

describe('sign-in', () => {
	it('opens a session with the right password', async () => {
		const { app } = await setup();
		const result = await signIn(app, { username: 'YZ0100', password: FACTORY_PASSWORD });
		expect(result.ok).toBe(true);
		if (result.ok) expect(validateSessionToken(app, result.token)?.user.employeeNo).toBe('YZ0100');
		expect(listAuditEvents(app, 10, 'login.success')).toHaveLength(1);
	});

	it('makes an unknown account and a wrong password look identical', async () => {
		const { app } = await setup();
		const wrong = await signIn(app, { username: 'YZ0100', password: 'nope-nope' });
		const unknown = await signIn(app, { username: 'YZ9999', password: 'nope-nope' });
		expect(wrong).toEqual({ ok: false, reason: 'invalid' });
		expect(unknown).toEqual(wrong);
	});

	it('gives a new session id at every sign-in', async () => {
		const { app } = await setup();
		const a = await signIn(app, { username: 'YZ0100', password: FACTORY_PASSWORD });
		const b = await signIn(app, { username: 'YZ0100', password: FACTORY_PASSWORD });
		expect(a.ok && b.ok && a.sessionId !== b.sessionId).toBe(true);
	});

	it('refuses a person who has left', async () => {
		const app = createTestApp();
		await makeStaff(app, { branchId: makeBranch(app).id, employeeNo: 'YZ0200', status: 'left' });
		expect(await signIn(app, { username: 'YZ0200', password: FACTORY_PASSWORD })).toEqual({
			ok: false,
			reason: 'invalid'
		});
	});
});

describe('throttling', () => {
	it('locks an account for 15 minutes after 10 failures, even with the right password', async () => {
		const { app } = await setup();
		for (let i = 0; i < MAX_FAILURES; i++) {
			expect((await signIn(app, { username: 'YZ0100', password: 'bad-' + i })).ok).toBe(false);
		}
		expect(listAuditEvents(app, 50, 'login.lockout')).toHaveLength(1);
		expect(await signIn(app, { username: 'YZ0100', password: FACTORY_PASSWORD })).toEqual({
			ok: false,
			reason: 'locked'
		});
		app.clock.advance(LOCKOUT_MS - 1);
		expect((await signIn(app, { username: 'YZ0100', password: FACTORY_PASSWORD })).ok).toBe(false);
		app.clock.advance(1);
		expect((await signIn(app, { username: 'YZ0100', password: FACTORY_PASSWORD })).ok).toBe(true);
	});

	it('does not lock after 9 failures, and a success resets the count', async () => {
		const { app } = await setup();
		for (let i = 0; i < MAX_FAILURES - 1; i++)
			await signIn(app, { username: 'YZ0100', password: 'x' });
		expect((await signIn(app, { username: 'YZ0100', password: FACTORY_PASSWORD })).ok).toBe(true);
		for (let i = 0; i < MAX_FAILURES - 1; i++)
			await signIn(app, { username: 'YZ0100', password: 'x' });
		expect((await signIn(app, { username: 'YZ0100', password: FACTORY_PASSWORD })).ok).toBe(true);
	});

	it('forgets failures after a day without any, so old slips do not add up', async () => {
		const { app } = await setup();
		for (let i = 0; i < MAX_FAILURES - 1; i++)
			await signIn(app, { username: 'YZ0100', password: 'x' });
		app.clock.advance(FAILURE_MEMORY_MS + 1);
		// The tenth failure overall, but the first of a new day: no lock.
		await signIn(app, { username: 'YZ0100', password: 'x' });
		expect((await signIn(app, { username: 'YZ0100', password: FACTORY_PASSWORD })).ok).toBe(true);
		// Within a day they still add up.
		for (let i = 0; i < MAX_FAILURES - 1; i++) {
			await signIn(app, { username: 'YZ0100', password: 'x' });
			app.clock.advance(FAILURE_MEMORY_MS / 20);
		}
		await signIn(app, { username: 'YZ0100', password: 'x' });
		expect(await signIn(app, { username: 'YZ0100', password: FACTORY_PASSWORD })).toEqual({
			ok: false,
			reason: 'locked'
		});
	});

	it('locks unknown accounts the same way', async () => {
		const { app } = await setup();
		for (let i = 0; i < MAX_FAILURES; i++) await signIn(app, { username: 'GHOST', password: 'x' });
		expect(await signIn(app, { username: 'ghost ', password: 'x' })).toEqual({
			ok: false,
			reason: 'locked'
		});
	});

	it('counts failures per account whatever the IP', async () => {
		const { app } = await setup();
		for (let i = 0; i < MAX_FAILURES; i++) {
			await signIn(app, { username: 'YZ0100', password: 'x', ip: `10.0.0.${i}` });
		}
		const result = await signIn(app, {
			username: 'YZ0100',
			password: FACTORY_PASSWORD,
			ip: '10.9.9.9'
		});
		expect(result).toEqual({ ok: false, reason: 'locked' });
	});
});

describe('throttling by address', () => {
	it('blocks an address spraying many accounts, for that address only, until the window passes', async () => {
		const { app } = await setup();
		// The sprayer's first failures, recorded directly: a hundred argon2 checks would be slow.
		for (let i = 0; i < MAX_ADDRESS_FAILURES - 2; i++) {
			expect(recordAddressFailure(app, '10.1.1.1')).toBe(false);
		}
		// One more wrong guess through sign-in (a different account each time: no account lock).
		expect(await signIn(app, { username: 'A9001', password: 'x', ip: '10.1.1.1' })).toEqual({
			ok: false,
			reason: 'invalid'
		});
		expect(await signIn(app, { username: 'A9002', password: 'x', ip: '10.1.1.1' })).toEqual({
			ok: false,
			reason: 'invalid'
		});
		expect(listAuditEvents(app, 50, 'login.lockout')).toHaveLength(1);
		// Blocked now, even with the right password; other addresses are not.
		const right = { username: 'YZ0100', password: FACTORY_PASSWORD };
		expect(await signIn(app, { ...right, ip: '10.1.1.1' })).toEqual({
			ok: false,
			reason: 'locked'
		});
		expect((await signIn(app, { ...right, ip: '10.1.1.2' })).ok).toBe(true);
		app.clock.advance(ADDRESS_WINDOW_MS);
		expect((await signIn(app, { ...right, ip: '10.1.1.1' })).ok).toBe(true);
	});

	it('forgets failures after a quiet window, so a busy branch is never blocked by slips', async () => {
		const { app } = await setup();
		for (let i = 0; i < MAX_ADDRESS_FAILURES - 1; i++) recordAddressFailure(app, '10.2.2.2');
		app.clock.advance(ADDRESS_WINDOW_MS + 1);
		expect(recordAddressFailure(app, '10.2.2.2')).toBe(false);
		// A username typed as the address key's own text cannot touch the address counter.
		for (let i = 0; i < MAX_FAILURES; i++) {
			await signIn(app, { username: 'ip:10.3.3.3', password: 'x', ip: '10.4.4.4' });
		}
		expect(
			(await signIn(app, { username: 'YZ0100', password: FACTORY_PASSWORD, ip: '10.3.3.3' })).ok
		).toBe(true);
	});
});

describe('password change', () => {
	it('clears the forced change and ends other sessions but not this one', async () => {
		const app = createTestApp();
		await makeStaff(app, {
			branchId: makeBranch(app).id,
			employeeNo: 'YZ0300',
			mustChangePassword: true
		});
		const here = await signIn(app, { username: 'YZ0300', password: FACTORY_PASSWORD });
		const there = await signIn(app, { username: 'YZ0300', password: FACTORY_PASSWORD });
		if (!here.ok || !there.ok) throw new Error('sign-in failed');
		const user = validateSessionToken(app, here.token)!.user;
		expect(user.mustChangePassword).toBe(true);
		await changePassword(app, user, {
			current: FACTORY_PASSWORD,
			next: 'A-new-secret-42',
			confirm: 'A-new-secret-42',
			sessionId: here.sessionId
		});
		expect(validateSessionToken(app, here.token)?.user.mustChangePassword).toBe(false);
		expect(validateSessionToken(app, there.token)).toBeNull();
		expect((await signIn(app, { username: 'YZ0300', password: 'A-new-secret-42' })).ok).toBe(true);
	});

	it('names what is wrong with a bad change', async () => {
		const { app } = await setup();
		const result = await signIn(app, { username: 'YZ0100', password: FACTORY_PASSWORD });
		if (!result.ok) throw new Error('sign-in failed');
		const user = validateSessionToken(app, result.token)!.user;
		const attempt = (current: string, next: string, confirm: string) =>
			changePassword(app, user, { current, next, confirm, sessionId: result.sessionId }).catch(
				(e: Invalid) => e.problems[0]?.key
			);
		expect(await attempt('wrong', 'Abcdefgh1', 'Abcdefgh1')).toBe('password.wrongCurrent');
		expect(await attempt(FACTORY_PASSWORD, 'short', 'short')).toBe('password.tooShort');
		expect(await attempt(FACTORY_PASSWORD, 'Abcdefgh1', 'Abcdefgh2')).toBe('password.mismatch');
		expect(await attempt(FACTORY_PASSWORD, FACTORY_PASSWORD, FACTORY_PASSWORD)).toBe(
			'password.sameAsOld'
		);
	});
});
