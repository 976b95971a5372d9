import { expect, test } from '@playwright/test';
import { answerCurrent, confirmSummary, DEMO, openExam, signIn } from './helpers';

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
