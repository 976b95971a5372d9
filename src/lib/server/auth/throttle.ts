import type { AppContext } from '../context';
import * as q from './queries';

export const MAX_FAILURES = 10;
export const LOCKOUT_MS = 15 * 60_000;

/** Usernames are compared as typed but trimmed and case-folded, so "a01" and "A01 " share a counter. */
export function throttleKey(username: string): string {
	return username.trim().toUpperCase();
}

export function isLockedOut(ctx: AppContext, username: string): boolean {
	const row = q.selectThrottle(ctx.db, throttleKey(username));
	return !!row?.lockedUntil && row.lockedUntil > ctx.clock.now();
}

/** Counts one failure; returns true when this failure starts a lockout. */
export function recordFailedLogin(ctx: AppContext, username: string): boolean {
	const key = throttleKey(username);
	const now = ctx.clock.now();
	const row = q.selectThrottle(ctx.db, key);
	// A served lockout wipes the slate; failures before it do not count again.
	const previous = row && !(row.lockedUntil && row.lockedUntil <= now) ? row.failures : 0;
	const failures = previous + 1;
	const locks = failures >= MAX_FAILURES;
	q.upsertThrottle(ctx.db, {
		username: key,
		failures,
		lockedUntil: locks ? now + LOCKOUT_MS : null,
		lastFailureAt: now
	});
	return locks;
}

export function clearFailedLogins(ctx: AppContext, username: string): void {
	q.deleteThrottle(ctx.db, throttleKey(username));
}
