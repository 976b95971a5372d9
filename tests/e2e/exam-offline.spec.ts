import { expect, test } from '@playwright/test';
import { answerCurrent, confirmSummary, DEMO, openExam, signIn } from './helpers';

test('answers given offline are kept, saved when back online, and counted', async ({
	page,
	context
}) => {
	// The onboarding exam is offered to new hires only.
	await signIn(page, DEMO.newHire);
	await openExam(page, /岗前培训结业考试/);
	await expect(page.getByTestId('time-left')).toHaveText(/\d{2}:\d{2}/);

	await context.setOffline(true);
	await expect(page.getByText(/网络已断开/).first()).toBeVisible();
	const saveState = page.getByTestId('save-state');
	await answerCurrent(page);
	// Safe on the device: it says so, in the same words as the offline notice, never "failed".
	await expect(saveState).toHaveText(/已暂存在本机/);
	await page.getByRole('button', { name: '下一题' }).click();
	await answerCurrent(page);
	await expect(saveState).toHaveText(/已暂存在本机/);
	await expect(page.getByText(/保存失败/)).toHaveCount(0);
	await expect(page.getByText(/\d+ 个答案等待保存|网络已断开/).first()).toBeVisible();

	// The submit button cannot hand in while offline; it says why.
	await page.getByRole('button', { name: '交卷', exact: true }).click();
	await expect(page.getByRole('button', { name: '确认交卷' })).toBeDisabled();
	await page.getByRole('button', { name: '返回检查' }).click();

	await context.setOffline(false);
	await expect(saveState).toHaveText(/已保存 \d{2}:\d{2}:\d{2}/);
	await page.getByRole('button', { name: /^第 1 题：/ }).click();
	await expect(saveState).toHaveText(/已保存 \d{2}:\d{2}:\d{2}/);
	await expect(page.getByText('所有答案已保存')).toBeVisible();

	const { total, unanswered } = await confirmSummary(page);
	expect(unanswered).toBe(total - 2);
	await page.getByRole('button', { name: '确认交卷' }).click();
	await expect(page).toHaveURL(/\/attempts\/\d+\/result$/);

	// What the result shows depends on the exam's review policy; whatever it shows must count them.
	const answers = page.getByTestId('your-answer');
	if ((await answers.count()) > 0) {
		await expect(answers.nth(0)).not.toHaveText('未作答');
		await expect(answers.nth(1)).not.toHaveText('未作答');
	} else {
		await expect(page.getByText(/得分 [\d.]+ \/ [\d.]+|成绩将在考试结束后公布/)).toBeVisible();
	}
});
