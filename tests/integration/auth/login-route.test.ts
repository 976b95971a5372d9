import { isRedirect } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { ADDRESS_CAPTCHA_AFTER } from '../../../src/lib/server/auth/throttle-policy';
import { actions, load } from '../../../src/routes/(public)/login/+page.server';
import { createTestApp, type TestApp } from '../../helpers/app';
import { captchaAnswer } from '../../helpers/captcha';
import { FACTORY_PASSWORD, makeBranch, makeStaff } from '../../helpers/factories';

const ORIGIN = 'http://10.1.2.3:3000';
const IP = '10.20.0.7';

interface PageResult {
	username: string;
	captcha: { id: string; image: string } | null;
	problems: { key: string; params?: Record<string, unknown> }[];
}

function event(app: TestApp, fields: Record<string, string>, ip = IP) {
	const body = new FormData();
	for (const [name, value] of Object.entries(fields)) body.set(name, value);
	const url = new URL('/login', ORIGIN);
	const set: string[] = [];
	return {
		request: new Request(url, { method: 'POST', body }),
		locals: { ctx: app, user: null, session: null, locale: 'zh-CN' },
		cookies: { set: (name: string) => set.push(name) },
		url,
		getClientAddress: () => ip,
		set
	};
}

const signInAction = actions.default!;

async function post(app: TestApp, fields: Record<string, string>, ip = IP): Promise<PageResult> {
	return (await signInAction(event(app, fields, ip) as never)) as PageResult;
}

async function setup() {
	const app = await createTestApp();
	await makeStaff(app, { branchId: (await makeBranch(app)).id, employeeNo: 'YZ0100' });
	return app;
}

describe('the login page', () => {
	it('shows the image after the third failure, with what went wrong, and keeps the number', async () => {
		const app = await setup();
		const wrong = { username: 'YZ0100', password: 'guess' };
		expect(await post(app, wrong)).toEqual({
			username: 'YZ0100',
			captcha: null,
			problems: [{ key: 'login.invalid' }]
		});
		await post(app, wrong);
		const third = await post(app, wrong);
		expect(third.problems).toEqual([{ key: 'login.invalid' }]);
		expect(third.captcha?.image).toMatch(/^data:image\/svg\+xml;base64,/);

		const noAnswer = await post(app, { username: 'YZ0100', password: FACTORY_PASSWORD });
		expect(noAnswer.problems).toEqual([{ key: 'login.captchaMissing' }]);
		expect(noAnswer.captcha?.id).not.toBe(third.captcha?.id);
	});

	it('gives a new image on 换一张, keeping the number and retiring the old image', async () => {
		const app = await setup();
		for (let i = 0; i < 3; i++) await post(app, { username: 'YZ0100', password: 'guess' });
		const shown = (await post(app, { username: 'YZ0100', password: 'guess' })).captcha!;
		const oldAnswer = await captchaAnswer(app, shown.id);
		const renewed = await post(app, { intent: 'captcha', username: 'YZ0100', captchaId: shown.id });
		expect(renewed).toMatchObject({ username: 'YZ0100', problems: [] });
		expect(renewed.captcha!.id).not.toBe(shown.id);
		await expect(captchaAnswer(app, shown.id)).rejects.toThrow();
		const stale = await post(app, {
			username: 'YZ0100',
			password: FACTORY_PASSWORD,
			captchaId: shown.id,
			captchaAnswer: oldAnswer
		});
		expect(stale.problems).toEqual([{ key: 'login.captchaWrong' }]);
	});

	it('signs in with the right password and the image solved', async () => {
		const app = await setup();
		let shown: PageResult['captcha'] = null;
		for (let i = 0; i < 3; i++)
			shown = (await post(app, { username: 'YZ0100', password: 'x' })).captcha;
		const e = event(app, {
			username: 'YZ0100',
			password: FACTORY_PASSWORD,
			captchaId: shown!.id,
			captchaAnswer: (await captchaAnswer(app, shown!.id)).toLowerCase()
		});
		const thrown = await Promise.resolve(signInAction(e as never)).catch((err: unknown) => err);
		expect(isRedirect(thrown) && thrown.location).toBe('/');
		expect(e.set).toContain('qualify_session');
	});

	it('shows the image before anyone types when the address has been spraying', async () => {
		const app = await setup();
		const locals = { ctx: app, user: null };
		const url = new URL('/login', ORIGIN);
		const visit = async (ip: string) =>
			(await load({ locals, url, getClientAddress: () => ip } as never)) as { captcha: unknown };
		for (let i = 0; i < ADDRESS_CAPTCHA_AFTER; i++) {
			await post(app, { username: `YZ${9000 + i}`, password: 'Qualify2026' });
		}
		expect((await visit(IP)).captcha).toMatchObject({ id: expect.any(String) });
		expect((await visit('10.20.0.8')).captcha).toBeNull();
	});
});
