import { describe, expect, it } from 'vitest';
import { listAuditEvents } from '../../../src/lib/server/audit/service';
import { signIn, type SignInResult } from '../../../src/lib/server/auth/service';
import { assessSignIn, isCaptchaRequiredFrom } from '../../../src/lib/server/auth/throttle';
import {
	ADDRESS_CAPTCHA_AFTER,
	FIRST_DELAY_MS,
	MAX_DELAY_MS,
	MEMORY_MS
} from '../../../src/lib/server/auth/throttle-policy';
import { loginFailure } from '../../../src/lib/server/db/schema';
import { createTestApp, type TestApp } from '../../helpers/app';
import { solvedCaptcha } from '../../helpers/captcha';
import { FACTORY_PASSWORD, makeBranch, makeStaff } from '../../helpers/factories';

const OWNER = 'YZ0100';
const ATTACKER_IP = '10.66.0.1';
const OWNER_IP = '10.20.0.7';

async function setup() {
	const app = await createTestApp();
	await makeStaff(app, { branchId: (await makeBranch(app)).id, employeeNo: OWNER });
	return app;
}

/** A sign-in from `ip`; `solve` answers the image the way a person reading it would. */
async function attempt(
	app: TestApp,
	ip: string,
	password: string,
	opts: { solve?: boolean; username?: string } = {}
): Promise<SignInResult> {
	return signIn(app, {
		username: opts.username ?? OWNER,
		password,
		ip,
		captcha: opts.solve ? await solvedCaptcha(app, ip) : null
	});
}

const wrong = (app: TestApp, ip: string, solve = false) => attempt(app, ip, 'guess', { solve });

describe('CAPTCHA after failures', () => {
	it('asks for a CAPTCHA from the third failure on, then the right password with it signs in', async () => {
		const app = await setup();
		expect(await wrong(app, OWNER_IP)).toMatchObject({ reason: 'invalid', captchaRequired: false });
		await wrong(app, OWNER_IP);
		expect(await wrong(app, OWNER_IP)).toMatchObject({ reason: 'invalid', captchaRequired: true });
		expect(await attempt(app, OWNER_IP, FACTORY_PASSWORD)).toMatchObject({
			ok: false,
			reason: 'captcha-missing'
		});
		expect((await attempt(app, OWNER_IP, FACTORY_PASSWORD, { solve: true })).ok).toBe(true);
		// Signing in starts the account's count again: no CAPTCHA next time.
		expect(await assessSignIn(app, OWNER, OWNER_IP)).toEqual({
			captchaRequired: false,
			retryAt: null
		});
	});

	it('counts a wrong CAPTCHA as a failure without telling whether the password was right', async () => {
		const app = await setup();
		for (let i = 0; i < 3; i++) await wrong(app, OWNER_IP);
		const badImage = async () => ({ id: (await solvedCaptcha(app, OWNER_IP)).id, answer: 'ZZZZ' });
		const right = await signIn(app, {
			username: OWNER,
			password: FACTORY_PASSWORD,
			ip: OWNER_IP,
			captcha: await badImage()
		});
		const guess = await signIn(app, {
			username: OWNER,
			password: 'guess',
			ip: OWNER_IP,
			captcha: await badImage()
		});
		expect(right).toEqual({
			ok: false,
			reason: 'captcha-wrong',
			captchaRequired: true,
			retryAfterMs: 0
		});
		expect(guess).toEqual(right);
		const reasons = (await listAuditEvents(app, 50, 'login.failure')).map((e) => e.detail?.reason);
		expect(reasons).toEqual(['captcha-wrong', 'captcha-wrong', 'password', 'password', 'password']);
	});

	it('treats an unknown employee number exactly like a real one', async () => {
		const app = await setup();
		for (let i = 0; i < 3; i++) await attempt(app, OWNER_IP, 'x', { username: 'ghost9' });
		expect(await attempt(app, OWNER_IP, 'x', { username: ' GHOST9 ' })).toMatchObject({
			reason: 'captcha-missing'
		});
	});
});

describe('waits for one account at one address', () => {
	it('grow from five seconds to five minutes, and a try during one is refused without counting', async () => {
		const app = await setup();
		for (let i = 0; i < 3; i++) await wrong(app, OWNER_IP, true);
		const waits: number[] = [];
		for (let i = 0; i < 8; i++) {
			const result = await wrong(app, OWNER_IP, true);
			if (result.ok) throw new Error('a guess signed in');
			waits.push(result.retryAfterMs / 1000);
			// Hammering during the wait neither gets through nor makes it longer.
			expect(await attempt(app, OWNER_IP, FACTORY_PASSWORD, { solve: true })).toEqual({
				ok: false,
				reason: 'wait',
				captchaRequired: true,
				retryAfterMs: result.retryAfterMs
			});
			app.clock.advance(result.retryAfterMs);
		}
		expect(waits).toEqual([5, 10, 20, 40, 80, 160, 300, 300]);
		const audited = (await listAuditEvents(app, 1, 'login.failure'))[0];
		expect(audited).toMatchObject({ ip: OWNER_IP, detail: { reason: 'wait' } });
	});

	it('do not slow the same account at another address', async () => {
		const app = await setup();
		for (let i = 0; i < 4; i++) await wrong(app, ATTACKER_IP, true);
		expect((await assessSignIn(app, OWNER, ATTACKER_IP)).retryAt).toBe(
			app.clock.now() + FIRST_DELAY_MS
		);
		expect(await assessSignIn(app, OWNER, OWNER_IP)).toEqual({
			captchaRequired: true,
			retryAt: null
		});
	});
});

describe('an attacker against an account', () => {
	it('an attacker’s 50 failures against an account do not stop its owner from signing in from another address, or from the same one with the CAPTCHA', async () => {
		const app = await setup();
		// Three guesses, then 47 tries without solving the image: cheap, and 50 failures.
		for (let i = 0; i < 50; i++) expect((await wrong(app, ATTACKER_IP)).ok).toBe(false);
		expect(await listAuditEvents(app, 100, 'login.failure')).toHaveLength(50);

		const elsewhere = await attempt(app, OWNER_IP, FACTORY_PASSWORD, { solve: true });
		expect(elsewhere.ok).toBe(true);
		// The attacker again, then the owner at the attacker's own address (a shared branch NAT).
		for (let i = 0; i < 50; i++) await wrong(app, ATTACKER_IP);
		const sameAddress = await attempt(app, ATTACKER_IP, FACTORY_PASSWORD, { solve: true });
		expect(sameAddress.ok).toBe(true);
	});

	it('an attacker who solves every image and guesses 50 passwords still cannot keep the owner out', async () => {
		const app = await setup();
		let lastWait = 0;
		for (let i = 0; i < 50; i++) {
			const result = await wrong(app, ATTACKER_IP, true);
			if (result.ok) throw new Error('a guess signed in');
			lastWait = result.retryAfterMs;
			app.clock.advance(result.retryAfterMs);
		}
		expect(lastWait).toBe(MAX_DELAY_MS);
		app.clock.advance(-MAX_DELAY_MS);

		// From another address: at once, with the image.
		expect((await attempt(app, OWNER_IP, FACTORY_PASSWORD, { solve: true })).ok).toBe(true);
		// From the attacker's address: told how long to wait, never more than five minutes, then in.
		const told = await attempt(app, ATTACKER_IP, FACTORY_PASSWORD, { solve: true });
		expect(told).toMatchObject({ ok: false, reason: 'wait', retryAfterMs: MAX_DELAY_MS });
		app.clock.advance(MAX_DELAY_MS);
		expect((await attempt(app, ATTACKER_IP, FACTORY_PASSWORD, { solve: true })).ok).toBe(true);
	});
});

describe('an address spraying many accounts', () => {
	it('needs a CAPTCHA for everyone there, is never refused the right password, and calms down', async () => {
		const app = await setup();
		for (let i = 0; i < ADDRESS_CAPTCHA_AFTER; i++) {
			await attempt(app, ATTACKER_IP, 'Qualify2026', { username: `YZ${9000 + i}` });
		}
		expect(await isCaptchaRequiredFrom(app, ATTACKER_IP)).toBe(true);
		expect(await isCaptchaRequiredFrom(app, OWNER_IP)).toBe(false);
		// A colleague behind the same address: asked for the image, then let in with it.
		expect(await attempt(app, ATTACKER_IP, FACTORY_PASSWORD)).toMatchObject({
			reason: 'captcha-missing'
		});
		expect((await attempt(app, ATTACKER_IP, FACTORY_PASSWORD, { solve: true })).ok).toBe(true);
		// The colleague's success does not reset the address; a quiet quarter-hour does.
		expect(await isCaptchaRequiredFrom(app, ATTACKER_IP)).toBe(true);
		app.clock.advance(MEMORY_MS.address);
		expect(await isCaptchaRequiredFrom(app, ATTACKER_IP)).toBe(false);
	});
});

describe('throttle rows', () => {
	it('are deleted once forgotten, when the next failure is counted', async () => {
		const app = await setup();
		await wrong(app, ATTACKER_IP);
		expect(await app.db.select().from(loginFailure).all()).toHaveLength(3);
		app.clock.advance(MEMORY_MS.account);
		await attempt(app, OWNER_IP, 'x', { username: 'YZ0200' });
		const left = await app.db.select().from(loginFailure).all();
		expect(left.map((r) => [r.account, r.address]).sort()).toEqual([
			['', OWNER_IP],
			['YZ0200', ''],
			['YZ0200', OWNER_IP]
		]);
	});
});
