import { describe, expect, it } from 'vitest';
import {
	generateInitialPassword,
	hashInitialPassword,
	hashPassword,
	INITIAL_PASSWORD_BITS,
	isInitialPasswordHash,
	verifyPassword
} from '../../../src/lib/server/auth/password';

describe('initial passwords', () => {
	it('are random enough to need no slow hash (≥ 64 bits) and typeable', () => {
		expect(INITIAL_PASSWORD_BITS).toBeGreaterThanOrEqual(64);
		const passwords = Array.from({ length: 200 }, () => generateInitialPassword());
		for (const p of passwords) expect(p).toMatch(/^[A-HJ-NP-Za-km-np-z2-9]{12}$/);
		expect(new Set(passwords).size).toBe(passwords.length);
	});

	it('get a marked, salted SHA-256 that verifies the right password only', async () => {
		const password = generateInitialPassword();
		const hash = hashInitialPassword(password);
		expect(hash).toMatch(/^\$sha256-initial\$[0-9a-f]{32}\$[0-9a-f]{64}$/);
		expect(isInitialPasswordHash(hash)).toBe(true);
		expect(hashInitialPassword(password)).not.toBe(hash);
		expect(await verifyPassword(hash, password)).toBe(true);
		expect(await verifyPassword(hash, password.slice(0, -1))).toBe(false);
		expect(await verifyPassword(hash, `${password}x`)).toBe(false);
		expect(await verifyPassword(hash, '')).toBe(false);
	});

	it('refuses to fast-hash anything that was not generated', () => {
		for (const chosen of ['Qualify2026', 'password1234', 'ABCDEFGHJKL', 'ABCDEFGHJKL0']) {
			expect(() => hashInitialPassword(chosen)).toThrow(/generated initial passwords only/);
		}
	});

	it('treats a damaged fast hash as no match', async () => {
		const password = generateInitialPassword();
		const hash = hashInitialPassword(password);
		expect(await verifyPassword(hash.slice(0, -2), password)).toBe(false);
		expect(await verifyPassword('$sha256-initial$zz$zz', password)).toBe(false);
	});
});

describe('chosen passwords', () => {
	it('stay on argon2id', async () => {
		const hash = await hashPassword('Li-Na-2026!');
		expect(hash).toMatch(/^\$argon2id\$/);
		expect(isInitialPasswordHash(hash)).toBe(false);
		expect(await verifyPassword(hash, 'Li-Na-2026!')).toBe(true);
		expect(await verifyPassword(hash, 'Li-Na-2026')).toBe(false);
		expect(await verifyPassword('not a hash', 'Li-Na-2026!')).toBe(false);
	});
});
