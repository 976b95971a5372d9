import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
	createSession,
	generateSessionToken,
	invalidateStaffSessions,
	sessionIdFromToken,
	validateSessionToken
} from '../../../src/lib/server/auth/session';
import { session, staff } from '../../../src/lib/server/db/schema';
import { createTestApp } from '../../helpers/app';
import { makeBranch, makeStaff } from '../../helpers/factories';

const MINUTE = 60_000;

async function setup() {
	const app = await createTestApp();
	const b = await makeBranch(app);
	const person = await makeStaff(app, { branchId: b.id, roles: ['learner', 'mentor'] });
	return { app, person };
}

describe('sessions', () => {
	it('stores only the SHA-256 of a token with at least 128 bits of entropy', async () => {
		const { app, person } = await setup();
		const { token, sessionId } = await createSession(app, person.id);
		expect(token).toMatch(/^[a-z2-7]{32}$/); // 20 bytes = 160 bits in base32
		expect(sessionId).toBe(sessionIdFromToken(token));
		const rows = await app.db.select().from(session).all();
		expect(rows).toHaveLength(1);
		expect(rows[0]!.id).not.toContain(token);
		expect(rows[0]!.id).toMatch(/^[0-9a-f]{64}$/);
	});

	it('gives a new token every time', () => {
		const tokens = new Set(Array.from({ length: 50 }, generateSessionToken));
		expect(tokens.size).toBe(50);
	});

	it('returns the user with roles for a valid token', async () => {
		const { app, person } = await setup();
		const { token } = await createSession(app, person.id);
		const valid = await validateSessionToken(app, token);
		expect(valid?.user.employeeNo).toBe(person.employeeNo);
		expect(valid?.user.roles.sort()).toEqual(['learner', 'mentor']);
	});

	it('ends a session left idle for the idle timeout', async () => {
		const { app, person } = await setup();
		const { token } = await createSession(app, person.id);
		app.clock.advance(29 * MINUTE);
		expect(await validateSessionToken(app, token)).not.toBeNull();
		app.clock.advance(30 * MINUTE - 1);
		expect(await validateSessionToken(app, token)).not.toBeNull();
		app.clock.advance(30 * MINUTE);
		expect(await validateSessionToken(app, token)).toBeNull();
		expect(await app.db.select().from(session).all()).toHaveLength(0);
	});

	it('slides while in use but never past the absolute lifetime', async () => {
		const { app, person } = await setup();
		const { token } = await createSession(app, person.id);
		for (let i = 0; i < 12 * 4 - 1; i++) {
			app.clock.advance(15 * MINUTE);
			expect(await validateSessionToken(app, token), `after ${(i + 1) * 15} min`).not.toBeNull();
		}
		app.clock.advance(15 * MINUTE); // exactly 12 h after sign-in
		expect(await validateSessionToken(app, token)).toBeNull();
	});

	it('honours configured timeouts', async () => {
		const app = await createTestApp({ sessionIdleMs: 5 * MINUTE, sessionAbsoluteMs: 20 * MINUTE });
		const person = await makeStaff(app, { branchId: (await makeBranch(app)).id });
		const { token } = await createSession(app, person.id);
		app.clock.advance(6 * MINUTE);
		expect(await validateSessionToken(app, token)).toBeNull();
	});

	it('rejects an unknown token', async () => {
		const { app } = await setup();
		expect(await validateSessionToken(app, generateSessionToken())).toBeNull();
	});

	it('ends every session of a person who has left', async () => {
		const { app, person } = await setup();
		const { token } = await createSession(app, person.id);
		await app.db.update(staff).set({ status: 'left' }).where(eq(staff.id, person.id)).run();
		expect(await validateSessionToken(app, token)).toBeNull();
	});

	it('invalidates all sessions of a person except the one kept', async () => {
		const { app, person } = await setup();
		const a = await createSession(app, person.id);
		const b = await createSession(app, person.id);
		await invalidateStaffSessions(app, person.id, a.sessionId);
		expect(await validateSessionToken(app, a.token)).not.toBeNull();
		expect(await validateSessionToken(app, b.token)).toBeNull();
	});
});
