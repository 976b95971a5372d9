import type { AppContext } from '../context';
import * as q from './queries';

export const MAX_FAILURES = 10;
export const LOCKOUT_MS = 15 * 60_000;
/** Failures older than this (since the last one) are forgotten: a slip a month ago is no threat. */
export const FAILURE_MEMORY_MS = 24 * 60 * 60_000;

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
	// A served lockout, or a day without failures, wipes the slate.
	const fresh =
		row &&
		!(row.lockedUntil && row.lockedUntil <= now) &&
		now - row.lastFailureAt <= FAILURE_MEMORY_MS;
	const previous = fresh ? row.failures : 0;
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

/**
 * Per address, failures in a rolling window, against password spraying: a few common passwords
 * tried on every account never trips a per-account lock. Generous, because a whole branch may
 * sign in from one address: thirty people mistyping three times each stay well under it.
 */
export const MAX_ADDRESS_FAILURES = 100;
export const ADDRESS_WINDOW_MS = 15 * 60_000;

// Lower-case prefix: throttleKey upper-cases every username, so no typed name can collide.
function addressKey(ip: string): string {
	return `ip:${ip}`;
}

export function isAddressLockedOut(ctx: AppContext, ip: string): boolean {
	const row = q.selectThrottle(ctx.db, addressKey(ip));
	return !!row?.lockedUntil && row.lockedUntil > ctx.clock.now();
}

/** Counts one failure from `ip`; returns true when this failure blocks the address. */
export function recordAddressFailure(ctx: AppContext, ip: string): boolean {
	const key = addressKey(ip);
	const now = ctx.clock.now();
	const row = q.selectThrottle(ctx.db, key);
	// The window starts again after a quiet spell or a served block.
	const stale =
		!row ||
		(row.lockedUntil !== null && row.lockedUntil <= now) ||
		now - row.lastFailureAt > ADDRESS_WINDOW_MS;
	const failures = (stale ? 0 : row.failures) + 1;
	const blocks = failures >= MAX_ADDRESS_FAILURES;
	q.upsertThrottle(ctx.db, {
		username: key,
		failures,
		lockedUntil: blocks ? now + ADDRESS_WINDOW_MS : null,
		lastFailureAt: now
	});
	return blocks;
}
