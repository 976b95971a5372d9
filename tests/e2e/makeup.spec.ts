import { expect, test, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { DEMO, signIn, signOut } from './helpers';

/** The demo's make-up campaign (src/lib/server/demo/makeup.ts): a 切屏 limit of 3, a remedial lesson. */
const CAMPAIGN = /\d{4}-\d{2} 理财经理合规抽考/;

async function openCampaignAsHr(page: Page): Promise<string> {
	await signIn(page, DEMO.hr);
	await page.goto('/manage/spot');
	await page.getByRole('link', { name: CAMPAIGN }).first().click();
	await expect(page).toHaveURL(/\/manage\/spot\/\d+$/);
	await expect(page.getByRole('heading', { name: '补考名单' })).toBeVisible();
	return page.url();
}

/** The employee number of the make-up list's row matching `has` (remedial work, retest, result). */
async function personOnList(page: Page, has: RegExp): Promise<string> {
	const row = page.getByTestId('makeup-list').getByRole('row').filter({ hasText: has }).first();
	return (await row.locator('th small').innerText()).trim();
}

/** The office total's first-try and final pass rates, as shown. */
async function rates(page: Page): Promise<{ firstTry: string; final: string }> {
	const cells = page.locator('[data-testid="spot-branches"] tr[data-branch="total"] td');
	const n = await cells.count();
	return {
		firstTry: (await cells.nth(n - 2).innerText()).trim(),
		final: (await cells.nth(n - 1).innerText()).trim()
	};
}

/** The right answers of a true/false paper, from the server's database: the test's eyes. */
function rightAnswers(attemptId: number): boolean[] {
	const db = new Database(process.env.E2E_DATABASE_PATH!, { readonly: true, fileMustExist: true });
	try {
		const row = db.prepare('SELECT paper FROM attempt WHERE id = ?').get(attemptId) as {
			paper: string;
		};
		const items = JSON.parse(row.paper) as { versionId: number }[];
		const truth = db.prepare('SELECT correct_boolean AS c FROM question_version WHERE id = ?');
		return items.map((i) => (truth.get(i.versionId) as { c: number }).c === 1);
	} finally {
		db.close();
	}
}

function attemptIdOf(page: Page): number {
	return Number(/\/attempts\/(\d+)/.exec(page.url())![1]);
}

test('补考: HR follows a failed examinee through the remedial lesson to a passed make-up exam', async ({
	page
}) => {
	test.setTimeout(120_000);
	const campaignUrl = await openCampaignAsHr(page);
	const before = await rates(page);
	const employeeNo = await personOnList(page, /未完成/);
	await expect(
		page.getByTestId('makeup-list').getByRole('row').filter({ hasText: employeeNo })
	).toContainText('待补考');
	await signOut(page);

	// The make-up exam is on 我的考试 with its window in Beijing time, and waits for the lesson.
	await signIn(page, employeeNo);
	await page.goto('/exams');
	const spot = page.getByRole('region', { name: '抽考与补考' });
	await expect(spot).toContainText('北京时间');
	await expect(spot).toContainText('补考将在您完成补习课程后开放');
	await spot.getByRole('link', { name: /补考：.*理财经理合规抽考/ }).click();
	await expect(page).toHaveURL(/\/spot\/\d+$/);
	const spotUrl = page.url();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('补考');
	await expect(page.getByTestId('remedial-notice')).toContainText('补考将在您完成补习课程后开放');
	await expect(page.getByRole('button', { name: '参加补考' })).toHaveCount(0);
	// The server refuses too: a start posted by hand gets the same answer, not an attempt.
	const posted = await page.request.post(`${spotUrl}?/start`, {
		form: {},
		headers: { origin: new URL(spotUrl).origin }
	});
	const refusal = await posted.text();
	expect(refusal).toContain('"type":"failure"');
	expect(refusal).toContain('makeup.error.remedialFirst');

	await page.getByRole('link', { name: '去学习补习课程' }).click();
	// The lesson is credited only after its minimum study time, counted by the server from the
	// page's heartbeats (at most 14 s with the e2e server's office share).
	const complete = page.getByRole('button', { name: '完成本课' });
	await expect(complete).toBeEnabled({ timeout: 40_000 });
	await complete.click();
	await expect(page.getByRole('button', { name: '完成本课' })).toHaveCount(0);

	await page.goto(spotUrl);
	await expect(page.getByTestId('remedial-notice')).toContainText('已完成补习课程');
	await page.getByRole('button', { name: '参加补考' }).click();
	await expect(page).toHaveURL(/\/attempts\/\d+$/);
	const answers = rightAnswers(attemptIdOf(page));
	for (const [i, right] of answers.entries()) {
		await page.getByTestId('answer').locator(`input[value="${right}"]`).check();
		if (i < answers.length - 1) await page.getByRole('button', { name: '下一题' }).click();
	}
	await expect(page.getByText('所有答案已保存')).toBeVisible();
	await page.getByRole('button', { name: '交卷', exact: true }).click();
	await page.getByRole('button', { name: '确认交卷' }).click();
	await expect(page).toHaveURL(/\/attempts\/\d+\/result$/);
	await expect(page.getByRole('heading', { name: '✓ 通过' })).toBeVisible();
	await signOut(page);

	await signIn(page, DEMO.hr);
	await page.goto(campaignUrl);
	await expect(
		page.getByTestId('makeup-list').getByRole('row').filter({ hasText: employeeNo })
	).toContainText('补考通过');
	const after = await rates(page);
	expect(after.firstTry).toBe(before.firstTry);
	expect(after.final).not.toBe(before.final);
});

/** What a switch away from the page looks like to it: the tab hidden, then shown again. */
async function switchAway(page: Page): Promise<void> {
	await page.evaluate(() => {
		const set = (state: 'hidden' | 'visible'): void => {
			Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
			document.dispatchEvent(new Event('visibilitychange'));
		};
		set('hidden');
		set('visible');
	});
}

test('切屏: three switches during a formal exam warn, count and submit it, and the trainer sees them', async ({
	page
}) => {
	test.setTimeout(120_000);
	await openCampaignAsHr(page);
	const employeeNo = await personOnList(page, /已完成.*未补考/);
	await signOut(page);

	await signIn(page, employeeNo);
	await page.goto('/exams');
	await page
		.getByRole('region', { name: '抽考与补考' })
		.getByRole('link', { name: /理财经理合规抽考/ })
		.click();
	// The intro states the rules before the start.
	await expect(page.getByRole('region', { name: '考试纪律' })).toContainText(
		'切屏达到 3 次将自动交卷'
	);
	await expect(page.getByRole('region', { name: '考试纪律' })).toContainText('禁止复制');
	await page.getByRole('button', { name: '参加补考' }).click();
	await expect(page).toHaveURL(/\/attempts\/\d+$/);
	const attemptId = attemptIdOf(page);
	const count = page.getByTestId('switch-count');
	await expect(count).toHaveText('切屏 0/3 次');

	await switchAway(page);
	await expect(page.getByRole('alert').filter({ hasText: '第 1 次，上限 3 次' })).toBeVisible();
	await expect(count).toHaveText('切屏 1/3 次');
	await switchAway(page);
	await expect(count).toHaveText('切屏 2/3 次');
	await switchAway(page);
	// The server submits at the third switch; the page follows it to the result.
	await expect(page).toHaveURL(new RegExp(`/attempts/${attemptId}/result$`));
	const record = page.getByTestId('switch-record');
	await expect(record).toContainText('切屏达到上限，系统已自动交卷');
	await signOut(page);

	await signIn(page, DEMO.trainer);
	await page.goto(`/attempts/${attemptId}/result`);
	await expect(record).toContainText('不是作弊的证据');
	await expect(record).toContainText('共 3 次（上限 3 次）');
	await expect(record.getByRole('row')).toHaveCount(4);
});
