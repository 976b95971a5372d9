import { expect, test, type Page } from '@playwright/test';
import { DEMO, signIn, signOut } from './helpers';

// The demo seed puts one session under way at boot (src/lib/server/demo/classroom.ts).
const TODAY_SESSION = '今日面授：柜面应急处置演练';

async function openTodaySession(page: Page): Promise<void> {
	await page.goto('/manage/sessions');
	await page.getByRole('link', { name: TODAY_SESSION }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(TODAY_SESSION);
}

test('a trainer records attendance with a sign-in code the teller enters', async ({ page }) => {
	await signIn(page, DEMO.trainer);
	await openTodaySession(page);

	await page.getByLabel('按工号报名').fill(DEMO.teller);
	await page.getByRole('button', { name: '报名', exact: true }).click();
	await expect(page.getByRole('status')).toContainText(/已报名 \d+ 人/);
	const tellerRow = page.getByRole('row').filter({ hasText: DEMO.teller });
	await expect(tellerRow).toBeVisible();

	await page.getByRole('button', { name: /开启签到码|延长有效期/ }).click();
	const codeBox = page.getByTestId('sign-in-code');
	await expect(codeBox).toHaveText(/^\d{6}$/);
	await expect(page.getByText(/有效至 \d{2}:\d{2}/)).toBeVisible();
	const code = (await codeBox.textContent())!.trim();
	await signOut(page);

	await signIn(page, DEMO.teller);
	await page.goto('/sessions');
	const input = page.getByLabel('签到码');
	await expect(input).toHaveAttribute('inputmode', 'numeric');
	await expect(input).toHaveAttribute('autocomplete', 'off');

	await input.fill(code === '000000' ? '000001' : '000000');
	await page.getByRole('button', { name: '签到', exact: true }).click();
	await expect(page.getByRole('alert')).toContainText('签到码不正确');

	await input.fill(code);
	await page.getByRole('button', { name: '签到', exact: true }).click();
	await expect(page.getByRole('status')).toContainText(`签到成功：${TODAY_SESSION}`);
	await expect(page.getByRole('row').filter({ hasText: TODAY_SESSION })).toContainText('已出勤');
	await signOut(page);

	await signIn(page, DEMO.trainer);
	await openTodaySession(page);
	await expect(tellerRow).toContainText('签到码');
	await expect(tellerRow.getByRole('checkbox')).toBeChecked();
	await expect(page.getByText(/1 人次/)).toBeVisible();
});
