import { hash, verify } from '@node-rs/argon2';
import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { decodeHex, encodeHexLowerCase } from '@oslojs/encoding';

// OWASP's argon2id minimum: 19 MiB memory, 2 iterations, 1 lane.
const ARGON2_OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 };

export const MIN_PASSWORD_LENGTH = 8;

/** A password the person chose: argon2id, slow on purpose because people choose guessable ones. */
export function hashPassword(password: string): Promise<string> {
	return hash(password, ARGON2_OPTIONS);
}

// Letters and digits that cannot be confused when read aloud or printed (no 0/O, 1/l/I).
const READABLE = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
const INITIAL_LENGTH = 12;
const INITIAL_PASSWORD = new RegExp(`^[${READABLE}]{${INITIAL_LENGTH},}$`);

/** Entropy of a generated initial password: 12 × log2(56) ≈ 69.7 bits. */
export const INITIAL_PASSWORD_BITS = INITIAL_LENGTH * Math.log2(READABLE.length);

// Bytes below 224 (4 × 56) fall evenly on the alphabet; the others are drawn again.
const UNBIASED_BELOW = 256 - (256 % READABLE.length);

/** A random initial password to hand out on paper; 12 characters ≈ 70 bits. */
export function generateInitialPassword(length = INITIAL_LENGTH): string {
	let out = '';
	// One draw of random bytes per password, not one per character: a 100,000-person roster
	// makes 100,000 of these.
	while (out.length < length) {
		const bytes = crypto.getRandomValues(new Uint8Array(length * 2));
		for (const b of bytes) {
			if (b < UNBIASED_BELOW && out.length < length) out += READABLE[b % READABLE.length];
		}
	}
	return out;
}

// Marks a fast hash so the verifier knows which kind it holds: `$sha256-initial$salt$digest`.
const INITIAL_PREFIX = '$sha256-initial$';

function digest(salt: Uint8Array, password: string): Uint8Array {
	const text = new TextEncoder().encode(password);
	const input = new Uint8Array(salt.length + text.length);
	input.set(salt);
	input.set(text, salt.length);
	return sha256(input);
}

/**
 * A generated initial password's hash: salted SHA-256, fast enough to make 100,000 at once.
 * Safe only because the password is random with ~70 bits (guessing it from the hash would take
 * 2^69 SHA-256s on average), and because it must be changed at first sign-in, which replaces it
 * with argon2id. Anything that does not look generated is refused, so a chosen password can
 * never end up behind a fast hash.
 */
export function hashInitialPassword(password: string): string {
	if (!INITIAL_PASSWORD.test(password)) {
		throw new Error('hashInitialPassword takes generated initial passwords only');
	}
	const salt = new Uint8Array(16);
	crypto.getRandomValues(salt);
	return `${INITIAL_PREFIX}${encodeHexLowerCase(salt)}$${encodeHexLowerCase(digest(salt, password))}`;
}

/** Whether a stored hash is an initial password's fast hash (rather than argon2id). */
export function isInitialPasswordHash(passwordHash: string): boolean {
	return passwordHash.startsWith(INITIAL_PREFIX);
}

function verifyInitialHash(passwordHash: string, password: string): boolean {
	const [salt, expected] = passwordHash.slice(INITIAL_PREFIX.length).split('$');
	if (!salt || !expected || !/^[0-9a-f]{32}$/.test(salt) || !/^[0-9a-f]{64}$/.test(expected)) {
		return false;
	}
	return constantTimeEqual(digest(decodeHex(salt), password), decodeHex(expected));
}

// Checking a fast hash also spends one argon2 verification, so how long a sign-in takes does not
// tell who still holds an unchanged initial password.
let equaliser: Promise<string> | undefined;
async function spendArgon2Time(password: string): Promise<void> {
	equaliser ??= hash('qualify-initial-timing-equaliser', ARGON2_OPTIONS);
	await verify(await equaliser, password).catch(() => false);
}

/** Checks a password against either kind of stored hash; false for a malformed hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	if (isInitialPasswordHash(passwordHash)) {
		const ok = verifyInitialHash(passwordHash, password);
		await spendArgon2Time(password);
		return ok;
	}
	try {
		return await verify(passwordHash, password);
	} catch {
		return false;
	}
}
