import { randomBytes, randomInt } from 'node:crypto';
import svgCaptcha from 'svg-captcha-fixed';
import type { AppContext } from '../context';
import * as data from './data';
import { throttleAddress } from './throttle-policy';

/**
 * 图形验证码: an image of a few characters the person types back. svg-captcha-fixed draws the
 * text as SVG paths with the glyph outlines randomised, so the answer is not in the markup and
 * cannot be looked up from the font (the fork fixes svg-captcha's issue #45). The image goes to
 * the page as a data: URI (CSP `img-src 'self' data:`); the answer stays in the database.
 */

export const CAPTCHA_LENGTH = 4;
export const CAPTCHA_TTL_MS = 5 * 60_000;
/** Open challenges one address may hold; more evict its oldest, so nobody can fill the table. */
export const MAX_OPEN_CAPTCHAS_PER_ADDRESS = 100;
// No 0/O or 1/I: they look alike in any font. Compared without regard to case.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export interface CaptchaChallenge {
	/** Sent back with the answer; names the challenge, reveals nothing of its answer. */
	id: string;
	/** The image as a data: URI. */
	image: string;
}

export type CaptchaCheck = 'solved' | 'missing' | 'wrong';

// The package's type declarations omit its main export, which draws a given text.
const render = svgCaptcha as unknown as (text: string, options: Record<string, unknown>) => string;

/**
 * What a typed answer is compared as: full-width letters from a Chinese input method become
 * ordinary ones, spaces go, and case does not matter.
 */
export function normalizeCaptchaAnswer(typed: string): string {
	return typed.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

/**
 * A new challenge for a sign-in from `ip`. The text comes from `pick` (crypto by default: the
 * renderer's own Math.random leaks its state through the drawn coordinates, so it must not
 * choose the answer).
 */
export async function issueCaptcha(
	ctx: AppContext,
	ip: string | null,
	pick: (max: number) => number = randomInt
): Promise<CaptchaChallenge> {
	const now = ctx.clock.now();
	const address = ip === null ? '' : throttleAddress(ip);
	let answer = '';
	for (let i = 0; i < CAPTCHA_LENGTH; i++) answer += ALPHABET[pick(ALPHABET.length)];
	const id = randomBytes(18).toString('base64url');
	await data.deleteExpiredCaptchas(ctx.db, now);
	await data.insertCaptcha(ctx.db, {
		id,
		answer,
		address,
		createdAt: now,
		expiresAt: now + CAPTCHA_TTL_MS
	});
	await data.trimCaptchasOfAddress(ctx.db, address, MAX_OPEN_CAPTCHAS_PER_ADDRESS);
	// Dark grey on the page's white: legible for weak eyes, which colour noise is not.
	const svg = render(answer, { width: 150, height: 50, noise: 2, color: false });
	return { id, image: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
}

/**
 * Checks an answer and uses the challenge up, whatever the answer: each image can be tried once.
 * An unknown or expired challenge is a wrong answer.
 */
export async function checkCaptcha(
	ctx: AppContext,
	id: string | null | undefined,
	typed: string | null | undefined
): Promise<CaptchaCheck> {
	const challenge = id ? await data.takeCaptcha(ctx.db, id) : undefined;
	const answer = normalizeCaptchaAnswer(typed ?? '');
	if (!id || !answer) return 'missing';
	if (!challenge || challenge.expiresAt <= ctx.clock.now()) return 'wrong';
	return challenge.answer === answer ? 'solved' : 'wrong';
}

/** Drops a challenge the person asked to replace (换一张). */
export async function discardCaptcha(
	ctx: AppContext,
	id: string | null | undefined
): Promise<void> {
	if (id) await data.takeCaptcha(ctx.db, id);
}
