import { describe, expect, it } from 'vitest';
import {
	ACCOUNT_CAPTCHA_AFTER,
	ADDRESS_CAPTCHA_AFTER,
	FIRST_DELAY_MS,
	FREE_GUESSES,
	MAX_DELAY_MS,
	MEMORY_MS,
	assess,
	countFailure,
	delayAfter,
	throttleAccount,
	throttleAddress,
	type FailureCount,
	type FailureScope
} from '../../../src/lib/server/auth/throttle-policy';

const T0 = Date.parse('2026-03-02T01:00:00Z');

/** A counter after `n` failures, the last at `at`, as the store would hold it. */
function after(n: number, scope: FailureScope, at = T0): FailureCount {
	let row: FailureCount | null = null;
	for (let i = 0; i < n; i++) row = countFailure(row, scope, at);
	return row!;
}

describe('the CAPTCHA requirement', () => {
	it('starts at the third failure of an account, from wherever they came', () => {
		expect(
			assess({ account: after(ACCOUNT_CAPTCHA_AFTER - 1, 'account') }, T0).captchaRequired
		).toBe(false);
		expect(assess({ account: after(ACCOUNT_CAPTCHA_AFTER, 'account') }, T0).captchaRequired).toBe(
			true
		);
		expect(ACCOUNT_CAPTCHA_AFTER).toBe(3);
	});

	it('starts when an address fails ten times across any accounts', () => {
		const almost = after(ADDRESS_CAPTCHA_AFTER - 1, 'address');
		expect(assess({ address: almost }, T0).captchaRequired).toBe(false);
		expect(assess({ address: countFailure(almost, 'address', T0) }, T0).captchaRequired).toBe(true);
	});

	it('ends when the account has had no failure for a day, the address for a quarter-hour', () => {
		const account = after(5, 'account');
		expect(assess({ account }, T0 + MEMORY_MS.account - 1).captchaRequired).toBe(true);
		expect(assess({ account }, T0 + MEMORY_MS.account).captchaRequired).toBe(false);
		const address = after(50, 'address');
		expect(MEMORY_MS.address).toBe(15 * 60_000);
		expect(assess({ address }, T0 + MEMORY_MS.address - 1).captchaRequired).toBe(true);
		expect(assess({ address }, T0 + MEMORY_MS.address).captchaRequired).toBe(false);
	});
});

describe('waits for an account at one address', () => {
	it('lets three wrong passwords go by, then doubles from five seconds up to five minutes', () => {
		expect([1, 2, 3].map(delayAfter)).toEqual([0, 0, 0]);
		expect([4, 5, 6, 7, 8, 9, 10].map((n) => delayAfter(n) / 1000)).toEqual([
			5, 10, 20, 40, 80, 160, 300
		]);
		expect(delayAfter(11)).toBe(MAX_DELAY_MS);
		expect(delayAfter(5000)).toBe(MAX_DELAY_MS);
		expect(FREE_GUESSES).toBe(3);
	});

	it('asks the next try to wait from the last wrong password, then lets it through', () => {
		const pair = after(FREE_GUESSES + 1, 'pair');
		expect(assess({ pair }, T0).retryAt).toBe(T0 + FIRST_DELAY_MS);
		expect(assess({ pair }, T0 + FIRST_DELAY_MS - 1).retryAt).toBe(T0 + FIRST_DELAY_MS);
		expect(assess({ pair }, T0 + FIRST_DELAY_MS).retryAt).toBeNull();
	});

	it('never asks for a wait because of the account’s failures at other addresses', () => {
		const state = { account: after(50, 'account'), address: null, pair: null };
		expect(assess(state, T0)).toEqual({ captchaRequired: true, retryAt: null });
	});

	it('never keeps an account waiting longer than five minutes, however many failures', () => {
		const pair = after(10_000, 'pair');
		expect(assess({ pair }, T0).retryAt).toBe(T0 + MAX_DELAY_MS);
		expect(assess({ pair }, T0 + MAX_DELAY_MS).retryAt).toBeNull();
	});
});

describe('counting', () => {
	it('adds one failure, and starts from one once a counter has been forgotten', () => {
		const row = after(7, 'pair');
		expect(countFailure(row, 'pair', T0 + 1000)).toEqual({
			failures: 8,
			lastFailureAt: T0 + 1000,
			expiresAt: T0 + 1000 + MEMORY_MS.pair
		});
		expect(countFailure(row, 'pair', T0 + MEMORY_MS.pair).failures).toBe(1);
	});
});

describe('keys', () => {
	it('counts an employee number however it was typed', () => {
		expect(throttleAccount(' yz0001 ')).toBe('YZ0001');
	});

	it('counts an IPv4 address as itself, also when it arrives mapped into IPv6', () => {
		expect(throttleAddress('10.20.30.40')).toBe('10.20.30.40');
		expect(throttleAddress('::ffff:10.20.30.40')).toBe('10.20.30.40');
	});

	it('counts an IPv6 address as its /64, so a host cannot take a fresh address per guess', () => {
		const key = throttleAddress('2001:db8:0:1::5');
		expect(key).toBe('2001:db8:0:1::/64');
		expect(throttleAddress('2001:0DB8:0000:0001:ffff:1:2:3')).toBe(key);
		expect(throttleAddress('2001:db8:0:2::5')).not.toBe(key);
		expect(throttleAddress('::1')).toBe('0:0:0:0::/64');
		expect(throttleAddress('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
	});
});
