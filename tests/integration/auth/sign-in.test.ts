import { describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../../src/lib/server/audit/service';
import { changePassword, signIn } from '../../../src/lib/server/auth/service';
import { validateSessionToken } from '../../../src/lib/server/auth/session';
import { Invalid } from '../../../src/lib/server/errors';
import { createTestApp } from '../../helpers/app';
import { FACTORY_PASSWORD, makeBranch, makeStaff } from '../../helpers/factories';

async function setup() {
	const app = await createTestApp();
	const person = await makeStaff(app, {
		branchId: (await makeBranch(app)).id,
		employeeNo: 'YZ0100'
	});
	return { app, person };
}

describe('sign-in', () => {
	it('opens a session with the right password', async () => {
		const { app } = await setup();
		const result = await signIn(app, { username: 'YZ0100', password: FACTORY_PASSWORD });
		expect(result.ok).toBe(true);
		if (result.ok)
			expect((await validateSessionToken(app, result.token))?.user.employeeNo).toBe('YZ0100');
		expect(await listAuditEvents(app, 10, 'login.success')).toHaveLength(1);
	});

	it('makes an unknown account and a wrong password look identical', async () => {
		const { app } = await setup();
		const wrong = await signIn(app, { username: 'YZ0100', password: 'nope-nope' });
		const unknown = await signIn(app, { username: 'YZ9999', password: 'nope-nope' });
		expect(wrong).toEqual({
			ok: false,
			reason: 'invalid',
			captchaRequired: false,
			retryAfterMs: 0
		});
		expect(unknown).toEqual(wrong);
	});

	it('gives a new session id at every sign-in', async () => {
		const { app } = await setup();
		const a = await signIn(app, { username: 'YZ0100', password: FACTORY_PASSWORD });
		const b = await signIn(app, { username: 'YZ0100', password: FACTORY_PASSWORD });
		expect(a.ok && b.ok && a.sessionId !== b.sessionId).toBe(true);
	});

	it('refuses a person who has left', async () => {
		const app = await createTestApp();
		await makeStaff(app, {
			branchId: (await makeBranch(app)).id,
			employeeNo: 'YZ0200',
			status: 'left'
		});
		expect(await signIn(app, { username: 'YZ0200', password: FACTORY_PASSWORD })).toMatchObject({
			ok: false,
			reason: 'invalid'
		});
	});
});

describe('password change', () => {
	it('clears the forced change and ends other sessions but not this one', async () => {
		const app = await createTestApp();
		await makeStaff(app, {
			branchId: (await makeBranch(app)).id,
			employeeNo: 'YZ0300',
			mustChangePassword: true
		});
		const here = await signIn(app, { username: 'YZ0300', password: FACTORY_PASSWORD });
		const there = await signIn(app, { username: 'YZ0300', password: FACTORY_PASSWORD });
		if (!here.ok || !there.ok) throw new Error('sign-in failed');
		const user = (await validateSessionToken(app, here.token))!.user;
		expect(user.mustChangePassword).toBe(true);
		await changePassword(app, user, {
			current: FACTORY_PASSWORD,
			next: 'A-new-secret-42',
			confirm: 'A-new-secret-42',
			sessionId: here.sessionId
		});
		expect((await validateSessionToken(app, here.token))?.user.mustChangePassword).toBe(false);
		expect(await validateSessionToken(app, there.token)).toBeNull();
		expect((await signIn(app, { username: 'YZ0300', password: 'A-new-secret-42' })).ok).toBe(true);
	});

	it('names what is wrong with a bad change', async () => {
		const { app } = await setup();
		const result = await signIn(app, { username: 'YZ0100', password: FACTORY_PASSWORD });
		if (!result.ok) throw new Error('sign-in failed');
		const user = (await validateSessionToken(app, result.token))!.user;
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
