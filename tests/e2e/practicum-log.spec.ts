import { expect, test, type Page } from '@playwright/test';
import { DEMO, signIn, signOut } from './helpers';

const SIZES = [
	{ name: 'phone', width: 390, height: 844 },
	{ name: 'desktop', width: 1280, height: 800 }
] as const;

/** The practicum log fits its box: nothing sticks out sideways, the page does not scroll sideways. */
async function expectLogFits(page: Page): Promise<void> {
	const log = page.getByRole('table', { name: /岗位实践记录/ });
	await expect(log).toBeVisible();
	const overflow = await log.evaluate((table) => {
		const box = table.parentElement!.getBoundingClientRect();
		const own = table.getBoundingClientRect();
		return {
			table: Math.round(own.right - box.right),
			page: document.documentElement.scrollWidth - document.documentElement.clientWidth
		};
	});
	expect(overflow).toEqual({ table: 0, page: 0 });
	// Every day shows its number.
	const rows = log.getByRole('row', { name: /第 \d+ 天/ });
	expect(await rows.count()).toBeGreaterThan(0);
	for (const header of await log.getByRole('rowheader').all()) await expect(header).toBeVisible();
}

/** A control lies wholly inside the window's width (not pushed off by a wide table). */
async function expectInView(page: Page, width: number, name: RegExp | string): Promise<void> {
	const button = page.getByRole('button', { name }).first();
	await button.scrollIntoViewIfNeeded();
	const box = (await button.boundingBox())!;
	expect(box.x).toBeGreaterThanOrEqual(0);
	expect(box.x + box.width).toBeLessThanOrEqual(width);
}

for (const size of SIZES) {
	test(`the practicum log fits a ${size.width} px screen for the mentor, the new hire and the manager`, async ({
		page
	}) => {
		await page.setViewportSize({ width: size.width, height: size.height });

		await signIn(page, DEMO.mentor);
		await page.goto('/mentoring');
		await page.locator('li', { hasText: DEMO.newHire }).getByRole('link').click();
		await expectLogFits(page);
		// The form proposes a date: a working day, never empty.
		await expect(page.getByLabel('日期').first()).not.toHaveValue('');
		await expectInView(page, size.width, '签字确认');
		await page.getByRole('heading', { name: '岗位实践记录' }).evaluate((h) => h.scrollIntoView());
		await page.screenshot({ path: `test-results/screens/practicum-mentor-${size.width}.png` });
		await signOut(page);

		await signIn(page, DEMO.newHire);
		await page.goto('/onboarding');
		await expectLogFits(page);
		const confirm = page.getByRole('button', { name: /^确认第 \d+ 天记录$/ });
		if ((await confirm.count()) > 0) await expectInView(page, size.width, /^确认第 \d+ 天记录$/);
		await page.screenshot({
			path: `test-results/screens/practicum-newhire-${size.width}.png`,
			fullPage: true
		});
		await signOut(page);

		await signIn(page, DEMO.branchManager);
		await page.goto('/manage/onboarding');
		await page
			.getByRole('link', { name: new RegExp(DEMO.newHire) })
			.first()
			.click();
		await expectLogFits(page);
		await page.screenshot({
			path: `test-results/screens/practicum-manager-${size.width}.png`,
			fullPage: true
		});
	});
}

test('HR closes an office day on the working calendar and removes it again', async ({ page }) => {
	await signIn(page, DEMO.hr);
	await page.goto('/manage/calendar');
	await expect(page.getByRole('heading', { level: 1, name: '工作日历' })).toBeVisible();
	await page.getByLabel('日期').fill('2026-12-31');
	await page.getByLabel('放假（不上班）').check();
	await page.getByLabel('说明（选填）').fill('年终决算');
	await page.getByRole('button', { name: '保存' }).click();
	await expect(page.getByRole('status')).toContainText('已保存 2026年12月31日。');
	const entry = page.getByRole('listitem').filter({ hasText: '年终决算' });
	await expect(entry).toContainText('本单位：放假');
	await expect(entry).toContainText('国务院安排：上班');
	await entry.getByRole('button', { name: '撤销 2026年12月31日 的登记' }).click();
	await expect(page.getByRole('status')).toContainText('已撤销 2026年12月31日 的登记');
	await expect(page.getByText('尚未登记。')).toBeVisible();
});

/** No card on the page is wider inside than out: every figure shows whole. */
async function expectCardsUnclipped(page: Page): Promise<void> {
	const clipped = await page
		.locator('main .card')
		.evaluateAll((cards) =>
			cards
				.filter((card) => card.scrollWidth > card.clientWidth + 1)
				.map((card) => card.querySelector('h2, h3')?.textContent ?? card.className)
		);
	expect(clipped).toEqual([]);
	const page_ = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(page_).toBe(0);
}

for (const size of SIZES) {
	test(`home cards and the dashboard never clip their figures at ${size.width} px`, async ({
		page
	}) => {
		await page.setViewportSize({ width: size.width, height: size.height });
		for (const who of [DEMO.hr, DEMO.branchManager, DEMO.newHire]) {
			await signIn(page, who);
			await page.goto('/');
			await expectCardsUnclipped(page);
			await page.screenshot({
				path: `test-results/screens/home-${who}-${size.width}.png`,
				fullPage: true
			});
			await signOut(page);
		}
	});
}
