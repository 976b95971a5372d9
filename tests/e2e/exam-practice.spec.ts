import { expect, test, type Page } from '@playwright/test';
import { DEMO, signIn } from './helpers';

/** Opens an exam from /exams by its visible title and starts (or resumes) it. */
async function openExam(page: Page, title: RegExp): Promise<void> {
	await page.goto('/exams');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('我的考试');
	await page.getByRole('link', { name: title }).first().click();
	await page.getByRole('button', { name: /开始练习|开始考试|继续作答/ }).click();
	await expect(page).toHaveURL(/\/attempts\/\d+$/);
	await expect(page.locator('#question-heading')).toBeVisible();
}

/** Answers the question on screen, whatever its type: the first option, 对, or some text. */
async function answerCurrent(page: Page): Promise<void> {
	const area = page.getByTestId('answer');
	const text = area.locator('input[type="text"]');
	if ((await text.count()) > 0) {
		await text.fill('反洗钱');
		return;
	}
	await area.locator('input[type="radio"], input[type="checkbox"]').first().check();
}

/** The total and unanswered counts the submit confirmation states. */
async function confirmSummary(page: Page): Promise<{ total: number; unanswered: number }> {
	await page.getByRole('button', { name: '交卷', exact: true }).click();
	const text = await page.getByText(/共 \d+ 题：还有 \d+ 题未作答/).innerText();
	const [, total, unanswered] = /共 (\d+) 题：还有 (\d+) 题未作答/.exec(text) ?? [];
	return { total: Number(total), unanswered: Number(unanswered) };
}

test('a teller takes a practice quiz and sees the result with explanations', async ({ page }) => {
	await signIn(page, DEMO.teller);
	await openExam(page, /储蓄业务练习/);

	// Answer the first three questions, whatever their type; each save shows its state.
	const saveState = page.getByTestId('save-state');
	for (let i = 0; i < 3; i++) {
		await answerCurrent(page);
		await expect(saveState).toHaveText(/已保存 \d{2}:\d{2}:\d{2}/);
		const next = page.getByRole('button', { name: '下一题' });
		if (await next.isDisabled()) break;
		await next.click();
	}
	await expect(page.getByText('所有答案已保存')).toBeVisible();

	const { total, unanswered } = await confirmSummary(page);
	expect(total).toBeGreaterThan(0);
	expect(unanswered).toBe(Math.max(0, total - 3));
	await page.getByRole('button', { name: '确认交卷' }).click();

	await expect(page).toHaveURL(/\/attempts\/\d+\/result$/);
	await expect(page.getByTestId('score')).toContainText(/得分 [\d.]+ \/ [\d.]+，及格线 \d+%/);
	await expect(page.getByRole('heading', { name: '逐题解析' })).toBeVisible();
	await expect(page.getByRole('heading', { name: '解析' }).first()).toBeVisible();
	const answers = page.getByTestId('your-answer');
	await expect(answers.first()).not.toHaveText('未作答');
	await expect(page.getByRole('link', { name: '再练一次' })).toBeVisible();
});
