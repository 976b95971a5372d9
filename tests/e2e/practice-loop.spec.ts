import { expect, test, type Page } from '@playwright/test';
import { answerCurrent, confirmSummary, DEMO, openExam, signIn } from './helpers';

/** How many questions the notebook holds, from its status line (0 when empty). */
async function notebookCount(page: Page): Promise<number> {
	await page.goto('/notebook');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('错题本');
	if (await page.getByText('错题本是空的。').isVisible()) return 0;
	const text = await page
		.getByRole('status')
		.filter({ hasText: /共 \d+ 道错题/ })
		.innerText();
	return Number(/共 (\d+) 道错题/.exec(text)?.[1]);
}

test('a teller fails questions, finds them in 错题本, practises them with instant feedback and masters one', async ({
	page
}) => {
	await signIn(page, DEMO.teller);
	await expect(
		page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '错题本' })
	).toBeVisible();

	// The practice page offers every mode.
	await page.goto('/practice');
	for (const mode of ['顺序练习', '随机练习', '专项练习']) {
		await expect(page.getByRole('button', { name: mode }).first()).toBeVisible();
	}
	await expect(page.getByRole('button', { name: '错题练习' })).toBeVisible();
	await expect(page.getByRole('heading', { name: '模拟考试' })).toBeVisible();

	// A practice quiz answered carelessly: the first option of every question.
	await openExam(page, /储蓄业务练习/);
	for (;;) {
		await answerCurrent(page);
		const next = page.getByRole('button', { name: '下一题' });
		if (await next.isDisabled()) break;
		await next.click();
	}
	await confirmSummary(page);
	await page.getByRole('button', { name: '确认交卷' }).click();
	await expect(page).toHaveURL(/\/attempts\/\d+\/result$/);
	const wrong = page.locator('article.review.wrong').first();
	await expect(wrong).toBeVisible();
	const stem = (await wrong.locator('.stem').innerText()).trim().slice(0, 20);

	// It is in the notebook, with its bank and answer.
	const before = await notebookCount(page);
	expect(before).toBeGreaterThan(0);
	const card = page.locator('article', { hasText: stem }).first();
	await expect(card).toBeVisible();
	await expect(card).toContainText('储蓄业务');
	await expect(card).toContainText('正确答案');

	// 错题练习: each question answered shows right or wrong, the key and the explanation at once.
	await page.getByRole('button', { name: '错题练习' }).click();
	await expect(page).toHaveURL(/\/practice\/\d+$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('错题练习');
	const first = page.locator('section.card').first();
	const text = first.locator('input[type="text"]');
	if ((await text.count()) > 0) await text.fill('不知道');
	else await first.locator('input[type="radio"], input[type="checkbox"]').first().check();
	await first.getByRole('button', { name: /提交本题/ }).click();
	const feedback = page.locator('article.review').first();
	await expect(feedback.getByRole('heading', { level: 3 })).toContainText(/[✓✗] 答[对错]/);
	await expect(feedback).toContainText('正确答案');
	await expect(page.getByRole('status')).toContainText('已答 1/');
	// Nothing lost on reload.
	await page.reload();
	await expect(page.locator('article.review')).toHaveCount(1);

	// Mastered by hand: it leaves the notebook.
	const count = await notebookCount(page);
	const firstCard = page.locator('article').first();
	const masteredStem = (await firstCard.locator('.stem').innerText()).trim().slice(0, 20);
	await firstCard.getByRole('button', { name: /标记为已掌握/ }).click();
	await expect(page.getByText('已移出错题本。')).toBeVisible();
	expect(await notebookCount(page)).toBe(count - 1);
	await expect(page.locator('article', { hasText: masteredStem })).toHaveCount(0);
});
