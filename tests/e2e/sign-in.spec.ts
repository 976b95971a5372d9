import { expect, test } from '@playwright/test';
import { DEMO, signIn, signOut } from './helpers';

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
	await page.goto('/login');
	await page.getByLabel('工号').fill(DEMO.teller);
	await page.getByLabel('密码').fill('not-the-password');
	await page.getByRole('button', { name: '登录' }).click();
	await expect(page.getByRole('alert')).toHaveText('工号或密码不正确。');

	await page.getByLabel('工号').fill('NOBODY99');
	await page.getByLabel('密码').fill('not-the-password');
	await page.getByRole('button', { name: '登录' }).click();
	await expect(page.getByRole('alert')).toHaveText('工号或密码不正确。');
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
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { name: '本机构员工' })).toBeVisible();
});
