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
const openCount = (app: ReturnType<typeof createTestApp>) =>
	app.db.select().from(loginCaptcha).all().length;

describe('image CAPTCHA', () => {
	it('draws the answer as an SVG image whose markup does not contain it', () => {
		const app = createTestApp();
		const picks = [0, 1, 2, 3];
		const { id, image } = issueCaptcha(app, IP, () => picks.shift()!);
		expect(captchaAnswer(app, id)).toBe('ABCD');
		expect(image.startsWith('data:image/svg+xml;base64,')).toBe(true);
		const svg = Buffer.from(image.split(',')[1]!, 'base64').toString('utf8');
		expect(svg).toMatch(/^<svg [^>]*width="150" height="50"/);
		expect(svg).toContain('<path');
		expect(svg).not.toMatch(/<text|<script|ABCD/i);
	});

	it('takes the answer in any case, with spaces or full-width letters from an input method', () => {
		const app = createTestApp();
		const ids = [0, 1, 2].map(() => issueCaptcha(app, IP).id);
		const typed = (id: string, f: (s: string) => string) => f(captchaAnswer(app, id));
		expect(
			checkCaptcha(
				app,
				ids[0],
				typed(ids[0]!, (s) => s.toLowerCase())
			)
		).toBe('solved');
		expect(
			checkCaptcha(
				app,
				ids[1],
				typed(ids[1]!, (s) => ` ${s.slice(0, 2)} ${s.slice(2)} `)
			)
		).toBe('solved');
		const fullWidth = (s: string) =>
			[...s].map((c) => String.fromCodePoint(c.codePointAt(0)! + 0xfee0)).join('');
		expect(checkCaptcha(app, ids[2], typed(ids[2]!, fullWidth))).toBe('solved');
		expect(normalizeCaptchaAnswer('ａｂ 1 c')).toBe('AB1C');
	});

	it('can be tried once: a second answer to the same image is wrong, even the right one', () => {
		const app = createTestApp();
		const { id } = issueCaptcha(app, IP);
		const answer = captchaAnswer(app, id);
		expect(checkCaptcha(app, id, 'XXXX')).toBe('wrong');
		expect(checkCaptcha(app, id, answer)).toBe('wrong');
	});

	it('expires after five minutes', () => {
		const app = createTestApp();
		const { id } = issueCaptcha(app, IP);
		const answer = captchaAnswer(app, id);
		app.clock.advance(CAPTCHA_TTL_MS);
		expect(checkCaptcha(app, id, answer)).toBe('wrong');
	});

	it('calls an empty answer or a missing challenge missing, an unknown challenge wrong', () => {
		const app = createTestApp();
		const { id } = issueCaptcha(app, IP);
		expect(checkCaptcha(app, id, '  ')).toBe('missing');
		expect(checkCaptcha(app, '', 'ABCD')).toBe('missing');
		expect(checkCaptcha(app, null, null)).toBe('missing');
		expect(checkCaptcha(app, 'no-such-challenge', 'ABCD')).toBe('wrong');
	});

	it('deletes expired challenges and keeps only an address’s newest open ones', () => {
		const app = createTestApp();
		issueCaptcha(app, '10.9.9.9');
		app.clock.advance(CAPTCHA_TTL_MS);
		const ids: string[] = [];
		for (let i = 0; i < MAX_OPEN_CAPTCHAS_PER_ADDRESS + 5; i++) {
			ids.push(issueCaptcha(app, IP).id);
			app.clock.advance(1);
		}
		// The other address's challenge has expired and gone; this one holds its newest hundred.
		expect(openCount(app)).toBe(MAX_OPEN_CAPTCHAS_PER_ADDRESS);
		expect(() => captchaAnswer(app, ids[4]!)).toThrow(/no open CAPTCHA/);
		expect(captchaAnswer(app, ids[5]!)).toMatch(/^[A-Z2-9]{4}$/);
	});
});
