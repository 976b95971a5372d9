import { expect, test, type Page } from '@playwright/test';
import { formatDate } from '../../src/lib/time/format';
import { answerCurrent, confirmSummary, DEMO, signIn, signOut } from './helpers';

/** The demo's open campaign for this month is titled「<YYYY-MM> 储蓄员业务抽考」. */
const DEMO_CAMPAIGN = /\d{4}-\d{2} 储蓄员业务抽考/;

async function satIn(page: Page, branchCode: string): Promise<number> {
	// Columns after the branch header: drawn, sat, ...
	const cell = page
		.locator(`[data-testid="spot-branches"] tr[data-branch="${branchCode}"] td`)
		.nth(1);
	return Number(await cell.innerText());
}

test('HR creates and draws a spot exam and sees drawn counts per branch', async ({ page }) => {
	await signIn(page, DEMO.hr);
	await page.goto('/manage/spot');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('业务抽考');
	await page.getByLabel('名称').fill('E2E 储蓄员抽考');
	await page.getByRole('checkbox', { name: '储蓄员' }).check();
	await page.getByLabel('比例或人数').fill('20');
	await page.getByRole('button', { name: '创建抽考' }).click();
	// The demo already holds this month's 储蓄员 campaign: a second one needs HR's explicit yes.
	await expect(page.getByText(/同一月份、同一岗位已有抽考/).first()).toBeVisible();
	await expect(page).toHaveURL(/\/manage\/spot$/);
	await page.getByRole('checkbox', { name: /确认再建一次/ }).check();
	await page.getByRole('button', { name: '创建抽考' }).click();
	await expect(page).toHaveURL(/\/manage\/spot\/\d+$/);
	await page.getByRole('button', { name: '抽签' }).click();
	const table = page.getByTestId('spot-branches');
	await expect(table).toBeVisible();
	const total = table.locator('tr[data-branch="total"] td').first();
	await expect(total).not.toHaveText('0');
	expect(Number(await total.innerText())).toBeGreaterThan(0);
	// The draw's seed is for the audit trail, not HR's page.
	await expect(page.getByText(/抽签种子/)).toHaveCount(0);
});

test('a drawn teller sits the spot exam and the branch table counts it', async ({ page }) => {
	await signIn(page, DEMO.hr);
	await page.goto('/manage/spot');
	await page.getByRole('link', { name: DEMO_CAMPAIGN }).first().click();
	await expect(page).toHaveURL(/\/manage\/spot\/\d+$/);
	const campaignUrl = page.url();
	const before = await satIn(page, 'XJ08');
	await signOut(page);

	await signIn(page, DEMO.teller);
	await page.goto('/');
	const card = page
		.getByRole('region', { name: '业务抽考' })
		.filter({ has: page.getByRole('link') });
	await card.getByRole('link', { name: DEMO_CAMPAIGN }).click();
	await expect(page).toHaveURL(/\/spot\/\d+$/);
	await page.getByRole('button', { name: /开始考试|继续作答|参加补考/ }).click();
	await expect(page).toHaveURL(/\/attempts\/\d+$/);
	await expect(page.locator('#question-heading')).toBeVisible();
	for (;;) {
		await answerCurrent(page);
		const next = page.getByRole('button', { name: '下一题' });
		if (await next.isDisabled()) break;
		await next.click();
	}
	await expect(page.getByText('所有答案已保存')).toBeVisible();
	const { unanswered } = await confirmSummary(page);
	expect(unanswered).toBe(0);
	await page.getByRole('button', { name: '确认交卷' }).click();
	await expect(page).toHaveURL(/\/attempts\/\d+\/result$/);

	// Pass or fail, the sitting is evidence on the teller's competency record (granted or
	// needs retest for 储蓄柜面业务), named by the exam and its Beijing day, not by an id.
	await page.goto('/record');
	const evidence = page
		.getByRole('row')
		.filter({ hasText: `考试 储蓄员业务抽考 ${formatDate('zh-CN', Date.now())}` });
	await expect(page.getByText(/考试 #\d+/)).toHaveCount(0);
	await expect(evidence.first()).toContainText('储蓄柜面业务');
	await expect(evidence.first()).toContainText(/合格|取得|待复考|需复考/);
	await signOut(page);

	await signIn(page, DEMO.hr);
	await page.goto(campaignUrl);
	expect(await satIn(page, 'XJ08')).toBeGreaterThanOrEqual(Math.max(1, before + 1));
});
