import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'Qualify2026';

/** The demo office's accounts, one per journey (see src/lib/server/demo/accounts.ts). */
export const DEMO = {
	hr: 'YZ0002',
	trainer: 'YZ0003',
	admin: 'YZ0004',
	branchManager: 'YZ0138',
	mentor: 'YZ0139',
	teller: 'YZ0140',
	newHire: 'YZ0141'
} as const;

export async function signIn(
	page: Page,
	employeeNo: string,
	password = DEMO_PASSWORD
): Promise<void> {
	await page.goto('/login');
	await page.getByLabel('工号').fill(employeeNo);
	await page.getByLabel('密码').fill(password);
	await page.getByRole('button', { name: '登录' }).click();
	await expect(page).not.toHaveURL(/\/login/);
}

export async function signOut(page: Page): Promise<void> {
	await page.getByRole('button', { name: /退出登录|Sign out/ }).click();
	await expect(page).toHaveURL(/\/login/);
}
