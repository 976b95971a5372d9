import { expect, test } from '@playwright/test';
import { DEMO, signIn, signOut } from './helpers';

test('a mentor signs off a practicum day and the new hire acknowledges it', async ({ page }) => {
	await signIn(page, DEMO.mentor);
	await page.goto('/mentoring');
	await expect(page.getByRole('heading', { level: 1, name: '我的带教对象' })).toBeVisible();
	await page.locator('li', { hasText: DEMO.newHire }).getByRole('link').click();

	const record = page.locator('form[action="?/record"]');
	const dayNumber = await record.getByLabel('第几天').inputValue();
	expect(Number(dayNumber)).toBeGreaterThan(0);
	const tasks = record.getByRole('group', { name: '实践内容（可多选）' }).getByRole('checkbox');
	await tasks.nth(0).check();
	await tasks.nth(1).check();
	await record.getByLabel('时长（小时）').fill('7.5');
	await record.getByLabel('观察与评价').fill('点钞手法规范，能独立办理存取款。');
	await record.getByRole('button', { name: '签字确认' }).click();
	await expect(page.getByRole('status')).toContainText(`第 ${dayNumber} 天已签字确认。`);
	await expect(
		page.getByRole('row', { name: new RegExp(`第 ${dayNumber} 天`) }).first()
	).toContainText('7.5');
	await signOut(page);

	await signIn(page, DEMO.newHire);
	await page.goto('/onboarding');
	await expect(page.getByRole('heading', { level: 1, name: '我的岗前培训' })).toBeVisible();
	const row = page.getByRole('row', { name: new RegExp(`第 ${dayNumber} 天`) });
	await expect(row).toContainText('点钞手法规范');
	await row.getByRole('button', { name: `确认第 ${dayNumber} 天记录` }).click();
	await expect(page.getByRole('status')).toContainText(`已确认第 ${dayNumber} 天的记录。`);
	await expect(page.getByRole('button', { name: `确认第 ${dayNumber} 天记录` })).toHaveCount(0);
});
