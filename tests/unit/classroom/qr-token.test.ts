import { describe, expect, it } from 'vitest';
import {
	isQrTokenValid,
	makeQrToken,
	msUntilRotation,
	parseQrToken,
	qrTokenAge,
	QR_WINDOW_MS
} from '../../../src/lib/server/classroom/qr-token';

const SECRET = 'a-session-key';
const T0 = 1_780_000_020_000; // the start of a 30-second window

describe('QR sign-in tokens', () => {
	it('name the session and change with each 30-second window', () => {
		const token = makeQrToken(42, SECRET, T0);
		expect(parseQrToken(token)).toMatchObject({ sessionId: 42 });
		expect(makeQrToken(42, SECRET, T0 + QR_WINDOW_MS - 1)).toBe(token);
		expect(makeQrToken(42, SECRET, T0 + QR_WINDOW_MS)).not.toBe(token);
		expect(msUntilRotation(T0 + 10_000)).toBe(20_000);
	});

	it('are valid in their window and the next, then expired', () => {
		const token = parseQrToken(makeQrToken(42, SECRET, T0))!;
		expect(isQrTokenValid(token, SECRET, T0)).toBe(true);
		expect(isQrTokenValid(token, SECRET, T0 + 2 * QR_WINDOW_MS - 1)).toBe(true);
		expect(isQrTokenValid(token, SECRET, T0 + 2 * QR_WINDOW_MS)).toBe(false);
		expect(qrTokenAge(token, SECRET, T0 + 5 * QR_WINDOW_MS, 10)).toBe(5);
		// Not valid before it was made either.
		expect(isQrTokenValid(token, SECRET, T0 - 1)).toBe(false);
	});

	it('are worthless with another key or for another session', () => {
		const token = parseQrToken(makeQrToken(42, SECRET, T0))!;
		expect(qrTokenAge(token, 'another-key', T0, 240)).toBeNull();
		expect(qrTokenAge({ ...token, sessionId: 43 }, SECRET, T0, 240)).toBeNull();
	});

	it('reject anything not shaped like a token', () => {
		for (const raw of [
			'',
			'42',
			'42.',
			'x.aaaaaaaaaaaaaaaaaaaaaa',
			'42.short',
			'42.a/aaaaaaaaaaaaaaaaaaaaa'
		]) {
			expect(parseQrToken(raw)).toBeNull();
		}
	});
});
