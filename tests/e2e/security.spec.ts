import { expect, test, type Page } from '@playwright/test';
import { DEMO, openExam, signIn } from './helpers';

/** Collects what Chromium reports refusing under the page's Content-Security-Policy. */
function watchCsp(page: Page): string[] {
	const refused: string[] = [];
	page.on('console', (message) => {
		if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
	});
	return refused;
}

test('pages carry the security headers; a signed-in page is never cached', async ({ page }) => {
	const login = await page.goto('/login');
	const loginHeaders = login!.headers();
	const csp = loginHeaders['content-security-policy'] ?? '';
	expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'/);
	expect(csp).not.toContain('unsafe-inline');
	expect(csp).toContain("frame-ancestors 'none'");
	expect(csp).toContain("img-src 'self' data:");
	expect(loginHeaders).toMatchObject({
		'x-frame-options': 'DENY',
		'x-content-type-options': 'nosniff',
		'referrer-policy': 'same-origin'
	});
	// Served over plain http: no HSTS (it is sent only over https).
	expect(loginHeaders['strict-transport-security']).toBeUndefined();

	await signIn(page, DEMO.teller);
	const home = await page.goto('/');
	expect(home!.headers()['cache-control']).toBe('no-store');
	const data = await page.request.get('/learn/__data.json');
	expect(data.status()).toBe(200);
	expect(data.headers()['cache-control']).toBe('no-store');
});

test('no page breaks the Content-Security-Policy, navigating or taking an exam', async ({
	page
}) => {
	const refused = watchCsp(page);
	await signIn(page, DEMO.teller);
	for (const path of ['/', '/learn', '/hours', '/exams', '/record', '/sessions']) {
		await page.goto(path, { waitUntil: 'networkidle' });
	}
	// Client-side navigation: SvelteKit's route announcer must stay visually hidden.
	await page.getByRole('navigation').getByRole('link', { name: '课程学习' }).click();
	await expect(page).toHaveURL(/\/learn$/);
	await expect(page.locator('#svelte-announcer')).toHaveCSS('position', 'absolute');
	await page.getByRole('main').getByRole('link').first().click();
	await page.waitForLoadState('networkidle');
	await openExam(page, /储蓄业务练习/);
	await page.getByTestId('answer').locator('input').first().check();
	await page.waitForLoadState('networkidle');

	await page.context().clearCookies();
	await signIn(page, DEMO.hr);
	for (const path of ['/manage/reports/pass-rates?branch=XJ08', '/manage/staff', '/manage/spot']) {
		await page.goto(path, { waitUntil: 'networkidle' });
	}
	expect(refused, refused.join('\n')).toEqual([]);
});

test('a JSON call from another origin is refused with JSON naming the reason', async ({ page }) => {
	await signIn(page, DEMO.teller);
	const answer = await page.request.post('/api/exams/1/attempts', {
		headers: { origin: 'http://evil.example', accept: 'application/json' }
	});
	expect(answer.status()).toBe(403);
	expect(await answer.json()).toMatchObject({ error: 'error.crossOrigin' });
});
