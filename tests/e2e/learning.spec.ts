import { expect, test, type Page } from '@playwright/test';
import { DEMO, signIn } from './helpers';

/** The onboarding hours earned this year, read from the /hours standing table. */
async function onboardingHours(page: Page): Promise<number> {
	await page.goto('/hours');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('我的学时');
	const row = page.getByRole('row', { name: /^岗前培训/ });
	const text = await row.getByRole('cell').first().innerText();
	return Number(text.replace(/,/g, ''));
}

test('a new hire completes a seat lesson and sees their onboarding hours rise', async ({
	page
}) => {
	await signIn(page, DEMO.newHire);
	const before = await onboardingHours(page);

	await page.goto('/learn');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('课程学习');
	await page.getByRole('link', { name: '新入职员工岗前培训（理论）' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('新入职员工岗前培训（理论）');

	// The onboarding demo may already have completed some lessons: take the first without ✓.
	const open = page.locator('li[data-completed="false"]').first();
	const title = (await open.getByRole('link').innerText()).trim();
	await open.getByRole('link').click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);

	// Not before the lesson's minimum study time, counted by the server from the page's
	// heartbeats (the e2e server's office share is 0.25% of the class hours: at most 14 s here).
	const complete = page.getByRole('button', { name: '完成本课' });
	await expect(complete).toBeDisabled();
	await expect(complete).toContainText('还需学习');
	// Hidden, the page stops counting; shown again, it counts on (a new stretch).
	const setVisibility = (state: 'hidden' | 'visible') =>
		page.evaluate((value) => {
			Object.defineProperty(document, 'visibilityState', { value, configurable: true });
			document.dispatchEvent(new Event('visibilitychange'));
		}, state);
	await setVisibility('hidden');
	await expect(page.getByText('页面不可见，计时已暂停。')).toBeVisible();
	await setVisibility('visible');
	await expect(page.getByText('停留在本页且页面可见时计时。')).toBeVisible();
	await expect(complete).toBeEnabled({ timeout: 40_000 });
	await expect(complete).toHaveText('完成本课');
	await complete.click();
	const notice = page.getByRole('status').filter({ hasText: '已记入' });
	await expect(notice).toBeVisible();
	const credited = Number(/已记入\s*([\d.]+)\s*学时/.exec(await notice.innerText())?.[1]);
	expect(credited).toBeGreaterThan(0);
	await expect(page.getByRole('button', { name: '完成本课' })).toHaveCount(0);

	const after = await onboardingHours(page);
	expect(after).toBeCloseTo(before + credited, 5);
});
