import { expect, type Page } from '@playwright/test';
import Database from 'better-sqlite3';

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
	await page.goto('/login', { waitUntil: 'networkidle' });
	await page.getByLabel('工号').fill(employeeNo);
	await page.getByLabel('密码').fill(password);
	await answerCaptchaIfShown(page);
	await page.getByRole('button', { name: '登录' }).click();
	await expect(page).not.toHaveURL(/\/login/);
}

/**
 * The login page shows the image code from the start once this address has failed ten times in
 * a quarter-hour, which a whole run's refused sign-ins can reach: answer it like a person would.
 */
export async function answerCaptchaIfShown(page: Page): Promise<void> {
	const captcha = page.getByLabel('图形验证码');
	if (await captcha.isVisible()) await captcha.fill(await shownCaptchaAnswer(page));
}

/** The answer of the image code on screen, from the server's database: the test's eyes. */
export async function shownCaptchaAnswer(page: Page): Promise<string> {
	const id = await page.locator('input[name="captchaId"]').first().inputValue();
	const db = new Database(process.env.E2E_DATABASE_PATH!, { readonly: true, fileMustExist: true });
	try {
		const row = db.prepare('SELECT answer FROM login_captcha WHERE id = ?').get(id) as
			{ answer: string } | undefined;
		if (!row) throw new Error(`no open CAPTCHA ${id}`);
		return row.answer;
	} finally {
		db.close();
	}
}

export async function signOut(page: Page): Promise<void> {
	await page.getByRole('button', { name: /退出登录|Sign out/ }).click();
	await expect(page).toHaveURL(/\/login/);
}

/** Opens an exam from /exams by its visible title and starts (or resumes) it. */
export async function openExam(page: Page, title: RegExp): Promise<void> {
	await page.goto('/exams');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('我的考试');
	await page.getByRole('link', { name: title }).first().click();
	await page.getByRole('button', { name: /开始练习|开始考试|继续作答/ }).click();
	await expect(page).toHaveURL(/\/attempts\/\d+$/);
	await expect(page.locator('#question-heading')).toBeVisible();
}

/** Answers the question on screen, whatever its type: the first option, 对, or some text. */
export async function answerCurrent(page: Page): Promise<void> {
	const area = page.getByTestId('answer');
	const text = area.locator('input[type="text"]');
	if ((await text.count()) > 0) {
		await text.fill('反洗钱');
		return;
	}
	await area.locator('input[type="radio"], input[type="checkbox"]').first().check();
}

/** The total and unanswered counts the submit confirmation states. */
export async function confirmSummary(page: Page): Promise<{ total: number; unanswered: number }> {
	await page.getByRole('button', { name: '交卷', exact: true }).click();
	const text = await page.getByText(/共 \d+ 题：还有 \d+ 题未作答/).innerText();
	const [, total, unanswered] = /共 (\d+) 题：还有 (\d+) 题未作答/.exec(text) ?? [];
	return { total: Number(total), unanswered: Number(unanswered) };
}
