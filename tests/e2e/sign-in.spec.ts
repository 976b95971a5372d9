import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import {
	answerCaptchaIfShown,
	DEMO,
	DEMO_PASSWORD,
	shownCaptchaAnswer,
	signIn,
	signOut
} from './helpers';

test('a teller signs in, sees their home page in Chinese, and signs out', async ({ page }) => {
	await signIn(page, DEMO.teller);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('孟林，您好');
	await expect(page.getByRole('heading', { name: /年度学时$/ })).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
	await signOut(page);
	await page.goto('/');
	await expect(page).toHaveURL(/\/login\?next=%2F/);
});

test('a wrong password is refused with the same message as an unknown account', async ({
	page
}) => {
	await page.goto('/login', { waitUntil: 'networkidle' });
	for (const employeeNo of [DEMO.teller, 'NOBODY99']) {
		await page.getByLabel('工号').fill(employeeNo);
		await page.getByLabel('密码').fill('not-the-password');
		await answerCaptchaIfShown(page);
		const answered = page.waitForResponse((r) => r.request().method() === 'POST');
		await page.getByRole('button', { name: '登录' }).click();
		await answered;
		await expect(page.getByRole('alert')).toHaveText('工号或密码不正确。');
	}
	await expect(page).toHaveURL(/\/login/);
});

test('the language switch turns the page English and sticks after signing in again', async ({
	page
}) => {
	await signIn(page, DEMO.mentor);
	await page.getByRole('button', { name: '语言' }).click();
	await expect(page.getByRole('heading', { name: /^Class hours \d{4}$/ })).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await page.reload();
	await expect(page.getByRole('heading', { name: /^Class hours \d{4}$/ })).toBeVisible();

	// The choice is stored with the account, so it follows the person to a fresh browser.
	await page.context().clearCookies();
	await page.goto('/login');
	await page.getByLabel('工号').fill(DEMO.mentor);
	await page.getByLabel('密码').fill('Qualify2026');
	await answerCaptchaIfShown(page);
	await page.getByRole('button', { name: '登录' }).click();
	await expect(page.getByRole('heading', { name: /^Class hours \d{4}$/ })).toBeVisible();
	await page.getByRole('button', { name: 'Language' }).click();
	await expect(page.getByRole('heading', { name: /年度学时$/ })).toBeVisible();
	await signOut(page);
});

test('keyboard only: sign in with Tab and Enter', async ({ page }) => {
	await page.goto('/login');
	await page.keyboard.press('Tab');
	await expect(page.getByLabel('工号')).toBeFocused();
	await page.keyboard.type(DEMO.branchManager);
	await page.keyboard.press('Tab');
	await expect(page.getByLabel('密码')).toBeFocused();
	await page.keyboard.type('Qualify2026');
	const code = page.getByLabel('图形验证码');
	if (await code.isVisible()) {
		await page.keyboard.press('Tab');
		await expect(code).toBeFocused();
		await page.keyboard.type(await shownCaptchaAnswer(page));
	}
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { name: '本机构员工' })).toBeVisible();
});

test('after three wrong passwords the page asks for the image code, and the owner signs in with it', async ({
	page
}) => {
	await page.goto('/login', { waitUntil: 'networkidle' });
	const code = page.getByLabel('图形验证码');
	const image = page.getByRole('img', { name: '图形验证码图片，共 4 个字符' });
	for (let i = 0; i < 3; i++) {
		await page.getByLabel('工号').fill(DEMO.trainer);
		await page.getByLabel('密码').fill(`wrong-${i}`);
		// Other tests' failures from this address may already bring the image: answer it, so each
		// try here is a wrong password.
		if (await code.isVisible()) await code.fill(await shownCaptchaAnswer(page));
		// Each answer must be in before the next try: it resets the form.
		const answered = page.waitForResponse((r) => r.request().method() === 'POST');
		await page.getByRole('button', { name: '登录' }).click();
		await answered;
		await expect(page.getByRole('alert')).toHaveText('工号或密码不正确。');
	}
	await expect(image).toBeVisible();
	await expect(code).toBeVisible();
	await expect(
		page.getByText('看不清图片或无法使用图片？请联系人事部门为您重置密码。')
	).toBeVisible();
	expect(await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze()).toMatchObject({
		violations: []
	});

	// 换一张: another image, and what was typed stays.
	const first = await image.getAttribute('src');
	await page.getByLabel('密码').fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: '换一张' }).click();
	await expect(image).not.toHaveAttribute('src', first!);
	await expect(page.getByLabel('工号')).toHaveValue(DEMO.trainer);
	await expect(page.getByLabel('密码')).toHaveValue(DEMO_PASSWORD);

	// A wrong code is refused, whatever the password, and a new image comes with the message.
	const second = await image.getAttribute('src');
	await code.fill('0000');
	await page.getByRole('button', { name: '登录' }).click();
	await expect(page.getByRole('alert')).toContainText('图形验证码不正确或已过期');
	await expect(image).not.toHaveAttribute('src', second!);

	await page.getByLabel('密码').fill(DEMO_PASSWORD);
	await code.fill((await shownCaptchaAnswer(page)).toLowerCase());
	// Enter signs in: 换一张 sits before the 登录 button but belongs to another form.
	await code.press('Enter');
	await expect(page).not.toHaveURL(/\/login/);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('换一张 still gives a new image and keeps the employee number', async ({ page }) => {
		// Unknown numbers are throttled like real ones; no demo account's count moves.
		await page.goto('/login');
		for (let i = 0; i < 3; i++) {
			await page.getByLabel('工号').fill('NOJS0001');
			await page.getByLabel('密码').fill('not-the-password');
			// Once shown (after this run's failures), the image must be answered for the form to post.
			const code = page.getByLabel('图形验证码');
			if (await code.isVisible()) await code.fill('0000');
			await page.getByRole('button', { name: '登录' }).click();
		}
		const image = page.getByRole('img', { name: '图形验证码图片，共 4 个字符' });
		const first = await image.getAttribute('src');
		await page.getByRole('button', { name: '换一张' }).click();
		await expect(image).not.toHaveAttribute('src', first!);
		await expect(page.getByLabel('工号')).toHaveValue('NOJS0001');
	});
});

test('a refusal before the sign-in is shown, not swallowed: a 403 and a lost connection', async ({
	page
}) => {
	let answer: 'forbidden' | 'offline' = 'forbidden';
	// What SvelteKit's same-origin check sends an enhanced form: a bare JSON message with a 403.
	await page.route('**/login', (route) => {
		if (route.request().method() !== 'POST') return route.continue();
		if (answer === 'offline') return route.abort('internetdisconnected');
		return route.fulfill({
			status: 403,
			contentType: 'application/json',
			body: JSON.stringify({ message: 'Cross-site POST form submissions are forbidden' })
		});
	});
	await page.goto('/login', { waitUntil: 'networkidle' });
	await page.getByLabel('工号').fill(DEMO.teller);
	await page.getByLabel('密码').fill(DEMO_PASSWORD);
	// This address may have failed often enough in the run to be shown the image: it is required.
	const code = page.getByLabel('图形验证码');
	if (await code.isVisible()) await code.fill('0000');
	await page.getByRole('button', { name: '登录' }).click();
	await expect(page.getByRole('alert')).toContainText('服务器拒绝了这次登录请求');
	await expect(page.getByRole('button', { name: '登录' })).toBeEnabled();

	answer = 'offline';
	await page.getByRole('button', { name: '登录' }).click();
	await expect(page.getByRole('alert')).toHaveText('无法连接服务器，请检查网络后重试。');
});
