import { describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../../src/lib/server/audit/service';
import { passwordResetStatus, resetPassword } from '../../../src/lib/server/auth/password-reset';
import { signIn } from '../../../src/lib/server/auth/service';
import { validateSessionToken, type SessionUser } from '../../../src/lib/server/auth/session';
import { assessSignIn } from '../../../src/lib/server/auth/throttle';
import { DomainError, Forbidden, Invalid, NotFound } from '../../../src/lib/server/errors';
import { createTestApp, type TestApp } from '../../helpers/app';
import { solvedCaptcha } from '../../helpers/captcha';
import { FACTORY_PASSWORD, makeBranch, makeStaff } from '../../helpers/factories';

async function signedIn(app: TestApp, employeeNo: string, password = FACTORY_PASSWORD) {
	const result = await signIn(app, { username: employeeNo, password });
	if (!result.ok) throw new Error(`sign-in of ${employeeNo} failed: ${result.reason}`);
	const user = (await validateSessionToken(app, result.token))?.user;
	if (!user) throw new Error('no session');
	return { token: result.token, user };
}

/** HR and an admin at head office; a teller, their manager and a leaver at a rural branch. */
async function setup() {
	const app = await createTestApp();
	const head = await makeBranch(app, { code: 'B000', type: 'head_office' });
	const rural = await makeBranch(app, { code: 'B001' });
	await makeStaff(app, { employeeNo: 'H001', branchId: head.id, roles: ['hr'] });
	await makeStaff(app, { employeeNo: 'A001', branchId: head.id, roles: ['hr', 'admin'] });
	await makeStaff(app, { employeeNo: 'T001', branchId: rural.id });
	await makeStaff(app, {
		employeeNo: 'M001',
		branchId: rural.id,
		roles: ['learner', 'branch_manager']
	});
	await makeStaff(app, { employeeNo: 'L001', branchId: rural.id, status: 'left' });
	const as = async (employeeNo: string): Promise<SessionUser> =>
		(await signedIn(app, employeeNo)).user;
	return { app, hr: await as('H001'), admin: await as('A001') };
}

async function refusal(work: Promise<unknown>): Promise<DomainError> {
	const e = await work.then(
		() => null,
		(err: unknown) => err
	);
	if (!(e instanceof DomainError)) throw new Error(`expected a refusal, got ${String(e)}`);
	return e;
}

describe('password reset', () => {
	it('replaces the password: the old one stops working, the new one forces a change', async () => {
		const { app, hr } = await setup();
		const { initialPassword } = await resetPassword(app, hr, 'T001');
		expect(initialPassword).toMatch(/^[A-Za-z2-9]{12}$/);
		const old = await signIn(app, { username: 'T001', password: FACTORY_PASSWORD });
		expect(old).toMatchObject({ ok: false, reason: 'invalid' });
		const { user } = await signedIn(app, 'T001', initialPassword);
		expect(user.mustChangePassword).toBe(true);
	});

	it('ends every session of the person, and only theirs', async () => {
		const { app, hr } = await setup();
		const phone = await signedIn(app, 'T001');
		const desk = await signedIn(app, 'T001');
		const hrSession = await signedIn(app, 'H001');
		await resetPassword(app, hr, 'T001');
		expect(await validateSessionToken(app, phone.token)).toBeNull();
		expect(await validateSessionToken(app, desk.token)).toBeNull();
		expect((await validateSessionToken(app, hrSession.token))?.user.employeeNo).toBe('H001');
	});

	it('clears the sign-in throttle: no CAPTCHA and no wait for the account, at any address', async () => {
		const { app, hr } = await setup();
		// Six wrong passwords from one address: a CAPTCHA everywhere and a wait at that address.
		for (let i = 0; i < 6; i++) {
			await signIn(app, {
				username: 't001 ',
				password: 'wrong-' + i,
				ip: '10.0.0.9',
				captcha: await solvedCaptcha(app, '10.0.0.9')
			});
		}
		const before = await signIn(app, { username: 'T001', password: 'x', ip: '10.0.0.9' });
		expect(before).toMatchObject({ ok: false, reason: 'wait', captchaRequired: true });
		const { initialPassword } = await resetPassword(app, hr, 'T001');
		for (const ip of ['10.0.0.9', '10.0.0.10']) {
			expect(await assessSignIn(app, 'T001', ip)).toEqual({
				captchaRequired: false,
				retryAt: null
			});
		}
		const after = await signIn(app, {
			username: 'T001',
			password: initialPassword,
			ip: '10.0.0.9'
		});
		expect(after.ok).toBe(true);
	});

	it('audits who reset whose password, and never the password itself', async () => {
		const { app, hr } = await setup();
		const { initialPassword } = await resetPassword(app, hr, 'T001');
		const events = await listAuditEvents(app, 10, 'password.reset');
		expect(events).toHaveLength(1);
		expect(events[0]).toMatchObject({ actorStaffId: hr.id, target: 'T001' });
		expect(JSON.stringify(await listAuditEvents(app, 500))).not.toContain(initialPassword);
	});

	it('refuses a branch manager and a learner, changing nothing', async () => {
		const { app } = await setup();
		const manager = (await signedIn(app, 'M001')).user;
		const teller = (await signedIn(app, 'T001')).user;
		expect(await refusal(resetPassword(app, manager, 'T001'))).toBeInstanceOf(Forbidden);
		expect(await refusal(resetPassword(app, teller, 'M001'))).toBeInstanceOf(Forbidden);
		expect(await refusal(resetPassword(app, null, 'T001'))).toBeInstanceOf(DomainError);
		expect((await signIn(app, { username: 'T001', password: FACTORY_PASSWORD })).ok).toBe(true);
		expect(await listAuditEvents(app, 10, 'password.reset')).toHaveLength(0);
	});

	it('refuses one’s own password and a person who has left, naming why', async () => {
		const { app, hr } = await setup();
		const self = await refusal(resetPassword(app, hr, 'H001'));
		expect(self).toBeInstanceOf(Invalid);
		expect(self.problems[0]?.key).toBe('password.reset.self');
		const left = await refusal(resetPassword(app, hr, 'L001'));
		expect(left).toBeInstanceOf(Invalid);
		expect(left.problems[0]?.key).toBe('password.reset.left');
		expect((await signIn(app, { username: 'H001', password: FACTORY_PASSWORD })).ok).toBe(true);
	});

	it('lets only an admin reset an admin', async () => {
		const { app, hr, admin } = await setup();
		const refused = await refusal(resetPassword(app, hr, 'A001'));
		expect(refused).toBeInstanceOf(Forbidden);
		expect(refused.problems[0]?.key).toBe('password.reset.adminOnly');
		expect((await resetPassword(app, admin, 'H001')).employeeNo).toBe('H001');
	});

	it('reports an unknown employee number as not found', async () => {
		const { app, hr } = await setup();
		expect(await refusal(resetPassword(app, hr, 'NOBODY'))).toBeInstanceOf(NotFound);
	});

	it('tells the staff page whether to offer the reset, and why not', async () => {
		const { app, hr } = await setup();
		const manager = (await signedIn(app, 'M001')).user;
		const person = { employeeNo: 'T001', status: 'active', roles: ['learner'] } as const;
		expect(passwordResetStatus(hr, person)).toEqual({ allowed: true, reason: null });
		expect(passwordResetStatus(manager, person).allowed).toBe(false);
		expect(passwordResetStatus(hr, { ...person, employeeNo: 'H001' }).reason).toBe(
			'password.reset.self'
		);
		expect(passwordResetStatus(hr, { ...person, status: 'left' }).reason).toBe(
			'password.reset.left'
		);
		expect(passwordResetStatus(hr, { ...person, roles: ['admin'] }).reason).toBe(
			'password.reset.adminOnly'
		);
	});
});
