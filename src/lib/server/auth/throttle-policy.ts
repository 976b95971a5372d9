/**
 * When a sign-in needs an image CAPTCHA and when it must wait: pure rules over the stored failure
 * counts, so they can be tested with any clock. Nothing here ever refuses the right password for
 * good: an account's owner solves a CAPTCHA and, at worst, waits MAX_DELAY_MS at an address an
 * attacker has been guessing from (OWASP ASVS 2.2.1: soft lockout, not hard lockout).
 */

/** One stored counter: for an account, an address, or an account at one address. */
export interface FailureCount {
	failures: number;
	lastFailureAt: number;
	expiresAt: number;
}

export type FailureScope = 'account' | 'address' | 'pair';

/** Failures of an account, from anywhere, before every sign-in to it needs a CAPTCHA. */
export const ACCOUNT_CAPTCHA_AFTER = 3;
/**
 * Failures from one address, across any accounts, before every sign-in from it needs a CAPTCHA:
 * against password spraying. A whole branch may sit behind one address, so it is slowed by a
 * CAPTCHA, never delayed or blocked: a delay on a shared address would let one sprayer keep a
 * branch out by failing again each time the delay runs out.
 */
export const ADDRESS_CAPTCHA_AFTER = 10;
/** Wrong passwords for one account from one address before each further one adds a wait. */
export const FREE_GUESSES = 3;
export const FIRST_DELAY_MS = 5_000;
/** The wait doubles from FIRST_DELAY_MS up to this; the owner is never kept out longer. */
export const MAX_DELAY_MS = 5 * 60_000;

/** How long a counter remembers its failures after the last one. */
export const MEMORY_MS: Record<FailureScope, number> = {
	// A day: a few slips this morning still ask for a CAPTCHA this afternoon.
	account: 24 * 60 * 60_000,
	pair: 24 * 60 * 60_000,
	// A quarter-hour: spraying is a rate; a branch's morning typos should fade quickly.
	address: 15 * 60_000
};

/** Account names are trimmed and case-folded, so "yz0001 " and "YZ0001" share a counter. */
export function throttleAccount(username: string): string {
	return username.trim().toUpperCase();
}

/**
 * The address a counter is kept for. An IPv4 address mapped into IPv6 is its IPv4 address; any
 * other IPv6 address counts as its /64, because one host is handed a whole /64 and could
 * otherwise take a fresh address for every guess.
 */
export function throttleAddress(ip: string): string {
	const bare = ip.trim().replace(/%.*$/, '').toLowerCase();
	const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(bare);
	if (mapped) return mapped[1]!;
	if (!bare.includes(':')) return bare;
	const [head = '', tail] = bare.split('::');
	const left = head ? head.split(':') : [];
	const right = tail ? tail.split(':') : [];
	const zeros = tail === undefined ? [] : Array(Math.max(0, 8 - left.length - right.length));
	const groups = [...left, ...zeros.fill('0'), ...right];
	return `${groups
		.slice(0, 4)
		.map((g) => (g || '0').replace(/^0+(?=.)/, ''))
		.join(':')}::/64`;
}

/** The failures a counter still stands for at `now`; a forgotten one stands for none. */
export function liveFailures(row: FailureCount | null | undefined, now: number): number {
	return row && row.expiresAt > now ? row.failures : 0;
}

/** How long an account must rest at an address after its `guesses`-th wrong password there. */
export function delayAfter(guesses: number): number {
	if (guesses <= FREE_GUESSES) return 0;
	return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (guesses - FREE_GUESSES - 1));
}

/** The counter after one more failure at `now`; a forgotten one starts again from one. */
export function countFailure(
	row: FailureCount | null | undefined,
	scope: FailureScope,
	now: number
): FailureCount {
	return {
		failures: liveFailures(row, now) + 1,
		lastFailureAt: now,
		expiresAt: now + MEMORY_MS[scope]
	};
}

export interface ThrottleState {
	account?: FailureCount | null;
	address?: FailureCount | null;
	/** The account's wrong passwords from this one address. */
	pair?: FailureCount | null;
}

export interface Assessment {
	captchaRequired: boolean;
	/** When the next try of this account from this address is allowed; null when it is now. */
	retryAt: number | null;
}

/** What the next sign-in to an account from an address must do first. */
export function assess(state: ThrottleState, now: number): Assessment {
	const captchaRequired =
		liveFailures(state.account, now) >= ACCOUNT_CAPTCHA_AFTER ||
		liveFailures(state.address, now) >= ADDRESS_CAPTCHA_AFTER;
	const guesses = liveFailures(state.pair, now);
	const until = state.pair && guesses > 0 ? state.pair.lastFailureAt + delayAfter(guesses) : 0;
	return { captchaRequired, retryAt: until > now ? until : null };
}
