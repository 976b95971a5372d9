import { describe, expect, it } from 'vitest';
import {
	CAPTCHA_TTL_MS,
	MAX_OPEN_CAPTCHAS_PER_ADDRESS,
	checkCaptcha,
	issueCaptcha,
	normalizeCaptchaAnswer
} from '../../../src/lib/server/auth/captcha';
import { loginCaptcha } from '../../../src/lib/server/db/schema';
import { createTestApp } from '../../helpers/app';
import { captchaAnswer } from '../../helpers/captcha';

const IP = '10.8.0.21';
const openCount = async (app: Awaited<ReturnType<typeof createTestApp>>) =>
	(await app.db.select().from(loginCaptcha).all()).length;

describe('image CAPTCHA', () => {
	it('draws the answer as an SVG image whose markup does not contain it', async () => {
		const app = await createTestApp();
		const picks = [0, 1, 2, 3];
		const { id, image } = await issueCaptcha(app, IP, () => picks.shift()!);
		expect(await captchaAnswer(app, id)).toBe('ABCD');
		expect(image.startsWith('data:image/svg+xml;base64,')).toBe(true);
		const svg = Buffer.from(image.split(',')[1]!, 'base64').toString('utf8');
		expect(svg).toMatch(/^<svg [^>]*width="150" height="50"/);
		expect(svg).toContain('<path');
		expect(svg).not.toMatch(/<text|<script|ABCD/i);
	});

	it('takes the answer in any case, with spaces or full-width letters from an input method', async () => {
		const app = await createTestApp();
		const ids: string[] = [];
		for (let i = 0; i < 3; i++) ids.push((await issueCaptcha(app, IP)).id);
		const typed = async (id: string, f: (s: string) => string) => f(await captchaAnswer(app, id));
		expect(await checkCaptcha(app, ids[0], await typed(ids[0]!, (s) => s.toLowerCase()))).toBe(
			'solved'
		);
		expect(
			await checkCaptcha(
				app,
				ids[1],
				await typed(ids[1]!, (s) => ` ${s.slice(0, 2)} ${s.slice(2)} `)
			)
		).toBe('solved');
		const fullWidth = (s: string) =>
			[...s].map((c) => String.fromCodePoint(c.codePointAt(0)! + 0xfee0)).join('');
		expect(await checkCaptcha(app, ids[2], await typed(ids[2]!, fullWidth))).toBe('solved');
		expect(normalizeCaptchaAnswer('ａｂ 1 c')).toBe('AB1C');
	});

	it('can be tried once: a second answer to the same image is wrong, even the right one', async () => {
		const app = await createTestApp();
		const { id } = await issueCaptcha(app, IP);
		const answer = await captchaAnswer(app, id);
		expect(await checkCaptcha(app, id, 'XXXX')).toBe('wrong');
		expect(await checkCaptcha(app, id, answer)).toBe('wrong');
	});

	it('expires after five minutes', async () => {
		const app = await createTestApp();
		const { id } = await issueCaptcha(app, IP);
		const answer = await captchaAnswer(app, id);
		app.clock.advance(CAPTCHA_TTL_MS);
		expect(await checkCaptcha(app, id, answer)).toBe('wrong');
	});

	it('calls an empty answer or a missing challenge missing, an unknown challenge wrong', async () => {
		const app = await createTestApp();
		const { id } = await issueCaptcha(app, IP);
		expect(await checkCaptcha(app, id, '  ')).toBe('missing');
		expect(await checkCaptcha(app, '', 'ABCD')).toBe('missing');
		expect(await checkCaptcha(app, null, null)).toBe('missing');
		expect(await checkCaptcha(app, 'no-such-challenge', 'ABCD')).toBe('wrong');
	});

	it('deletes expired challenges and keeps only an address’s newest open ones', async () => {
		const app = await createTestApp();
		await issueCaptcha(app, '10.9.9.9');
		app.clock.advance(CAPTCHA_TTL_MS);
		const ids: string[] = [];
		for (let i = 0; i < MAX_OPEN_CAPTCHAS_PER_ADDRESS + 5; i++) {
			ids.push((await issueCaptcha(app, IP)).id);
			app.clock.advance(1);
		}
		// The other address's challenge has expired and gone; this one holds its newest hundred.
		expect(await openCount(app)).toBe(MAX_OPEN_CAPTCHAS_PER_ADDRESS);
		await expect(captchaAnswer(app, ids[4]!)).rejects.toThrow(/no open CAPTCHA/);
		expect(await captchaAnswer(app, ids[5]!)).toMatch(/^[A-Z2-9]{4}$/);
	});
});
