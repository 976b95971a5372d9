import type { AppContext } from '../context';
import { inTransaction, type Db, type Tx } from '../db';
import * as data from './data';
import {
	assess,
	countFailure,
	liveFailures,
	ADDRESS_CAPTCHA_AFTER,
	throttleAccount,
	throttleAddress,
	type Assessment,
	type ThrottleState
} from './throttle-policy';

// Counters live in one table: the account's own row has address '', the address's own row has
// account ''. Neither key is ever empty otherwise (an empty name never reaches a count).
const ANY = '';

async function readState(db: Db, account: string, address: string | null): Promise<ThrottleState> {
	return {
		account: await data.selectFailureCount(db, account, ANY),
		address: address === null ? null : await data.selectFailureCount(db, ANY, address),
		pair: address === null ? null : await data.selectFailureCount(db, account, address)
	};
}

/** What the next sign-in to `username` from `ip` must do first (CAPTCHA, wait). */
export async function assessSignIn(
	ctx: AppContext,
	username: string,
	ip: string | null
): Promise<Assessment> {
	const address = ip === null ? null : throttleAddress(ip);
	return assess(await readState(ctx.db, throttleAccount(username), address), ctx.clock.now());
}

/** Whether every sign-in from `ip` needs a CAPTCHA, whoever signs in: the page shows it at once. */
export async function isCaptchaRequiredFrom(ctx: AppContext, ip: string): Promise<boolean> {
	const row = await data.selectFailureCount(ctx.db, ANY, throttleAddress(ip));
	return liveFailures(row, ctx.clock.now()) >= ADDRESS_CAPTCHA_AFTER;
}

/**
 * Counts one failed sign-in for the account and the address; a wrong password (not a missing or
 * wrong CAPTCHA) also counts towards the account's wait at that address, so an attacker who
 * cannot solve the image cannot keep the owner waiting there either. Returns what the next
 * sign-in must do. One transaction: two app nodes counting at once both count.
 */
export async function recordSignInFailure(
	ctx: AppContext,
	username: string,
	ip: string | null,
	kind: 'password' | 'captcha'
): Promise<Assessment> {
	const now = ctx.clock.now();
	const account = throttleAccount(username);
	const address = ip === null ? null : throttleAddress(ip);
	return await inTransaction(ctx.db, async (tx) => {
		// Failures come in bursts; clearing what is forgotten here keeps the table small.
		await data.deleteExpiredFailureCounts(tx, now);
		const state = await readState(tx, account, address);
		const next: ThrottleState = { ...state, account: countFailure(state.account, 'account', now) };
		await data.upsertFailureCount(tx, { account, address: ANY, ...next.account! });
		if (address !== null) {
			next.address = countFailure(state.address, 'address', now);
			await data.upsertFailureCount(tx, { account: ANY, address, ...next.address });
			if (kind === 'password') {
				next.pair = countFailure(state.pair, 'pair', now);
				await data.upsertFailureCount(tx, { account, address, ...next.pair });
			}
		}
		return assess(next, now);
	});
}

/**
 * After the right password: the account's own count and its count at this address start again.
 * The address's count does not (a sprayer would reset it with their own account), and neither do
 * the account's waits at other addresses (someone else may be guessing there).
 */
export async function clearAfterSignIn(
	ctx: AppContext,
	username: string,
	ip: string | null
): Promise<void> {
	const account = throttleAccount(username);
	await inTransaction(ctx.db, async (tx) => {
		await data.deleteFailureCount(tx, account, ANY);
		if (ip !== null) await data.deleteFailureCount(tx, account, throttleAddress(ip));
	});
}

/** Forgets every failure of an account, at every address: HR has just given it a new password. */
export async function clearAccountThrottle(ctx: AppContext, username: string): Promise<void> {
	await data.deleteFailureCountsOfAccount(ctx.db, throttleAccount(username));
}

/** `clearAccountThrottle` inside the caller's transaction (a password reset). */
export async function clearAccountThrottleIn(
	ctx: AppContext,
	tx: Tx,
	username: string
): Promise<void> {
	await data.deleteFailureCountsOfAccount(tx, throttleAccount(username));
}
