/**
 * A small seeded pseudo-random generator (sfc32, seeded through cyrb128).
 *
 * Exam draws, sampling and the demo organisation must be reproducible: the same seed always gives
 * the same sequence, on every platform, so a draw can be replayed and a test can pin its outcome.
 * Not for secrets: use node:crypto for tokens and passwords.
 */
export interface Rng {
	/** A float in [0, 1). */
	next(): number;
	/** An integer in [0, n); n must be a positive integer. */
	int(n: number): number;
	/** One element of a non-empty array. */
	pick<T>(items: readonly T[]): T;
	/** A shuffled copy (Fisher–Yates); the input is left untouched. */
	shuffle<T>(items: readonly T[]): T[];
}

/** Hashes a string into four 32-bit words, so short or similar seeds still start far apart. */
function cyrb128(text: string): [number, number, number, number] {
	let h1 = 1779033703;
	let h2 = 3144134277;
	let h3 = 1013904242;
	let h4 = 2773480762;
	for (let i = 0; i < text.length; i++) {
		const k = text.charCodeAt(i);
		h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
		h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
		h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
		h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
	}
	h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
	h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
	h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
	h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
	h1 ^= h2 ^ h3 ^ h4;
	h2 ^= h1;
	h3 ^= h1;
	h4 ^= h1;
	return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** Creates a generator; a number seed is treated as its decimal string. */
export function createRng(seed: string | number): Rng {
	let [a, b, c, d] = cyrb128(String(seed));

	function nextUint32(): number {
		a >>>= 0;
		b >>>= 0;
		c >>>= 0;
		d >>>= 0;
		let t = (a + b) | 0;
		a = b ^ (b >>> 9);
		b = (c + (c << 3)) | 0;
		c = (c << 21) | (c >>> 11);
		d = (d + 1) | 0;
		t = (t + d) | 0;
		c = (c + t) | 0;
		return t >>> 0;
	}

	// sfc32 needs a few rounds before its output no longer echoes the seed.
	for (let i = 0; i < 15; i++) nextUint32();

	const rng: Rng = {
		next: () => nextUint32() / 4294967296,
		int(n) {
			if (!Number.isInteger(n) || n <= 0 || n > 4294967296) {
				throw new RangeError(`int(n) needs a positive integer up to 2^32, got ${n}`);
			}
			// Rejection sampling: plain modulo would favour small values when n does not divide 2^32.
			const limit = 4294967296 - (4294967296 % n);
			let x = nextUint32();
			while (x >= limit) x = nextUint32();
			return x % n;
		},
		pick(items) {
			if (items.length === 0) throw new RangeError('pick() from an empty array');
			return items[rng.int(items.length)] as (typeof items)[number];
		},
		shuffle(items) {
			const out = items.slice();
			for (let i = out.length - 1; i > 0; i--) {
				const j = rng.int(i + 1);
				[out[i], out[j]] = [out[j] as (typeof out)[number], out[i] as (typeof out)[number]];
			}
			return out;
		}
	};
	return rng;
}
