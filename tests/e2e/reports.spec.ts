import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { DEMO, signIn } from './helpers';

/** `month` (YYYY-MM) moved by `delta` months. */
function shiftMonth(month: string, delta: number): string {
	const [y = 1970, m = 1] = month.split('-').map(Number);
	const d = new Date(Date.UTC(y, m - 1 + delta, 1));
	return d.toISOString().slice(0, 7);
}

test('HR filters the pass-rate report by branch, sees the trend chart and downloads the CSV with a BOM', async ({
	page
}) => {
	await signIn(page, DEMO.hr);
	await page.goto('/manage/reports/pass-rates');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('抽考通过率');

	const to = await page.getByLabel('截止月份').inputValue();
	const from = shiftMonth(to, -5);
	await page.getByLabel('机构').selectOption('XJ08');
	await page.getByLabel('起始月份').fill(from);
	await page.getByRole('button', { name: '查询' }).click();

	// The filters live in the address, so the view can be bookmarked and shared.
	await expect(page).toHaveURL(/[?&]branch=XJ08(&|$)/);
	expect(new URL(page.url()).searchParams.get('from')).toBe(from);
	await expect(page.getByLabel('机构')).toHaveValue('XJ08');

	await expect(page.getByRole('img', { name: /通过率/ })).toBeVisible();

	const rows = page.getByTestId('report-table').locator('tbody tr');
	await expect(rows.first()).toBeVisible();
	await expect(rows.first()).toContainText('XJ08');

	const downloading = page.waitForEvent('download');
	await page.getByRole('link', { name: '导出 CSV' }).click();
	const download = await downloading;
	expect(download.suggestedFilename()).toMatch(/\.csv$/);
	const bytes = await readFile(await download.path());
	expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
});

test('HR opens the exam results detail, sees the count and downloads the CSV with a BOM', async ({
	page
}) => {
	await signIn(page, DEMO.hr);
	await page.goto('/manage/reports');
	await page.getByRole('link', { name: '考试成绩明细', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('考试成绩明细');
	await expect(page.getByText(/^共 [\d,]+ 条记录$/)).toBeVisible();

	const downloading = page.waitForEvent('download');
	await page.getByRole('link', { name: '导出 CSV' }).click();
	const download = await downloading;
	expect(download.suggestedFilename()).toMatch(/^results-.*\.csv$/);
	const bytes = await readFile(await download.path());
	expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	expect(bytes.subarray(3).toString('utf8').split('\r\n')[0]).toMatch(/^员工号,姓名,/);
});
