import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import type { AppContext } from '../context';
import type { Tx } from '../db';
import type { Role, StaffStatus } from '../../org/enums';
import * as data from './data';

/** The signed-in person as every guard and page sees them. */
export interface SessionUser {
	id: number;
	employeeNo: string;
	name: string;
	branchId: number;
	position: string;
	status: StaffStatus;
	roles: Role[];
	mustChangePassword: boolean;
	locale: string | null;
}

export interface ValidSession {
	id: string;
	expiresAt: number;
	user: SessionUser;
}

// Extending the idle expiry writes to the database; once a minute per session is plenty.
const EXTEND_GRANULARITY_MS = 60_000;

/** 160 random bits, base32: the cookie value. Only its SHA-256 is ever stored. */
export function generateSessionToken(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

export function sessionIdFromToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export function toSessionUser(staff: data.SessionStaffFields, roles: Role[]): SessionUser {
	return {
		id: staff.id,
		employeeNo: staff.employeeNo,
		name: staff.name,
		branchId: staff.branchId,
		position: staff.position,
		status: staff.status,
		roles,
		mustChangePassword: staff.mustChangePassword,
		locale: staff.locale
	};
}

/** Starts a fresh session (always a new id, so a planted cookie is never promoted). */
export async function createSession(
	ctx: AppContext,
	staffId: number
): Promise<{ token: string; sessionId: string; expiresAt: number; absoluteExpiresAt: number }> {
	const token = generateSessionToken();
	const sessionId = sessionIdFromToken(token);
	const now = ctx.clock.now();
	const absoluteExpiresAt = now + ctx.config.sessionAbsoluteMs;
	const expiresAt = Math.min(now + ctx.config.sessionIdleMs, absoluteExpiresAt);
	await data.insertSession(ctx.db, {
		id: sessionId,
		staffId,
		createdAt: now,
		expiresAt,
		absoluteExpiresAt
	});
	return { token, sessionId, expiresAt, absoluteExpiresAt };
}

/** Resolves a cookie token to its session, sliding the idle expiry; null when it is not valid. */
export async function validateSessionToken(
	ctx: AppContext,
	token: string
): Promise<ValidSession | null> {
	const sessionId = sessionIdFromToken(token);
	const row = await data.selectSessionWithStaff(ctx.db, sessionId);
	if (!row) return null;
	const now = ctx.clock.now();
	if (now >= row.expiresAt || row.staff.status === 'left' || !row.staff.hasPassword) {
		await data.deleteSession(ctx.db, sessionId);
		return null;
	}
	let expiresAt = row.expiresAt;
	const slid = Math.min(now + ctx.config.sessionIdleMs, row.absoluteExpiresAt);
	if (slid - expiresAt >= EXTEND_GRANULARITY_MS) {
		await data.updateSessionExpiry(ctx.db, sessionId, slid);
		expiresAt = slid;
	}
	const user = toSessionUser(row.staff, await data.selectRoles(ctx.db, row.staff.id));
	return { id: sessionId, expiresAt, user };
}

export async function invalidateSession(ctx: AppContext, sessionId: string): Promise<void> {
	await data.deleteSession(ctx.db, sessionId);
}

/** Ends every session of a person, e.g. when the account is disabled. */
export async function invalidateStaffSessions(
	ctx: AppContext,
	staffId: number,
	exceptSessionId?: string
): Promise<void> {
	await data.deleteSessionsOfStaff(ctx.db, staffId, exceptSessionId);
}

/** Ends every session of a person inside the caller's transaction (disabled, new password). */
export async function invalidateStaffSessionsIn(
	ctx: AppContext,
	tx: Tx,
	staffId: number
): Promise<void> {
	await data.deleteSessionsOfStaff(tx, staffId);
}

export async function purgeExpiredSessions(ctx: AppContext): Promise<number> {
	return await data.deleteExpiredSessions(ctx.db, ctx.clock.now());
}
