import { expect, test } from '@playwright/test';
import { answerCaptchaIfShown, DEMO, DEMO_PASSWORD, signIn, signOut } from './helpers';

// An ordinary teller in branch XJ01 whom no other e2e test signs in as: resetting disturbs nobody.
const TELLER = 'YZ0036';

test('HR resets a teller’s forgotten password; the teller signs in with it and must change it', async ({
	page
}) => {
	await signIn(page, DEMO.hr);
	await page.goto(`/manage/staff/${TELLER}`);
	await expect(page.getByRole('heading', { name: '重置密码' })).toBeVisible();
	await page.getByRole('button', { name: '重置密码', exact: true }).click();

	const dialog = page.getByRole('dialog', { name: '确认重置密码' });
	await expect(dialog).toBeVisible();
	await expect(dialog).toContainText(TELLER);
	await dialog.getByRole('button', { name: '确认重置' }).click();
	await expect(dialog).toBeHidden();

	const shown = page.getByLabel('新的初始密码');
	await expect(shown).toHaveValue(/^[A-Za-z2-9]{12}$/);
	await expect(page.getByText(/此密码只显示这一次/)).toBeVisible();
	const password = await shown.inputValue();
	await signOut(page);

	// The old password no longer opens the account.
	await page.getByLabel('工号').fill(TELLER);
	await page.getByLabel('密码').fill(DEMO_PASSWORD);
	await answerCaptchaIfShown(page);
	await page.getByRole('button', { name: '登录' }).click();
	await expect(page.getByRole('alert')).toHaveText('工号或密码不正确。');

	await page.getByLabel('工号').fill(TELLER);
	await page.getByLabel('密码').fill(password);
	await answerCaptchaIfShown(page);
	await page.getByRole('button', { name: '登录' }).click();
	await expect(page).toHaveURL(/\/password/);
	await expect(page.getByText('这是您首次使用初始密码登录，请先设置新密码。')).toBeVisible();
});
