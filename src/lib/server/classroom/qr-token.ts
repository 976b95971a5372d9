import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The QR sign-in code on the trainer's screen changes every 30 seconds. */
export const QR_WINDOW_MS = 30_000;

const MAC_CHARS = 22; // 132 bits of an HMAC-SHA256, base64url

/** A new random key for a session's QR tokens. */
export function newQrSecret(): string {
	return randomBytes(32).toString('base64url');
}

/** The 30-second window an instant falls in. */
export function qrWindow(now: number): number {
	return Math.floor(now / QR_WINDOW_MS);
}

/** Milliseconds until the code on the screen changes. */
export function msUntilRotation(now: number): number {
	return (qrWindow(now) + 1) * QR_WINDOW_MS - now;
}

function mac(sessionId: number, secret: string, window: number): string {
	return createHmac('sha256', secret)
		.update(`${sessionId}:${window}`)
		.digest('base64url')
		.slice(0, MAC_CHARS);
}

/** The token for the window `now` falls in: the session's number and an HMAC of it and the window. */
export function makeQrToken(sessionId: number, secret: string, now: number): string {
	return `${sessionId}.${mac(sessionId, secret, qrWindow(now))}`;
}

/** The session a token names, if it is shaped like one; says nothing of its validity. */
export function parseQrToken(token: string): { sessionId: number; mac: string } | null {
	const m = /^(\d{1,12})\.([A-Za-z0-9_-]{22})$/.exec(token);
	return m ? { sessionId: Number(m[1]), mac: m[2] as string } : null;
}

/**
 * How many 30-second windows ago the token was made for this session (0: the current one),
 * looking back at most `lookBack` windows; null when it was never made with this key (forged).
 */
export function qrTokenAge(
	token: { sessionId: number; mac: string },
	secret: string,
	now: number,
	lookBack: number
): number | null {
	const given = Buffer.from(token.mac);
	const w = qrWindow(now);
	for (let ago = 0; ago <= lookBack; ago++) {
		const expected = Buffer.from(mac(token.sessionId, secret, w - ago));
		if (expected.length === given.length && timingSafeEqual(expected, given)) return ago;
	}
	return null;
}

/**
 * Whether the token was made for this session in the current window or the one before (a code
 * scanned just as the screen changed still works): valid 30 to 60 seconds, never longer.
 */
export function isQrTokenValid(
	token: { sessionId: number; mac: string },
	secret: string,
	now: number
): boolean {
	const age = qrTokenAge(token, secret, now, 1);
	return age !== null && age <= 1;
}
