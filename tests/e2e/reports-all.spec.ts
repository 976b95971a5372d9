import { expect, test } from '@playwright/test';
import { DEMO, signIn } from './helpers';

// Every report opens from the reports list, shows rows for the demo office, and its export link
// serves a BOM-prefixed CSV whose header is the table's first column.
const REPORTS = [
	{ link: '抽考通过率', firstHeader: '机构号', chart: true },
	{ link: '认证考试', firstHeader: '考试名称', chart: true },
	{ link: '学时达标', firstHeader: null, chart: false },
	{ link: '岗前培训', firstHeader: '机构号', chart: false },
	{ link: '培训活动', firstHeader: '月份', chart: false },
	{ link: '资质与证书', firstHeader: null, chart: false }
];

test('HR opens each report from the list, sees its rows and exports it', async ({ page }) => {
	await signIn(page, DEMO.hr);
	for (const report of REPORTS) {
		await page.goto('/manage/reports');
		// The section nav has links of the same names; take the one into the reports.
		await page
			.getByRole('link', { name: report.link, exact: true })
			.and(page.locator('[href*="/manage/reports/"]'))
			.click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(report.link);
		const table = page.getByTestId('report-table');
		await expect(table.locator('tbody tr').first()).toBeVisible();
		const headers = table.locator('thead th');
		if (report.firstHeader) await expect(headers.first()).toHaveText(report.firstHeader);
		await expect(page.getByRole('img', { name: /趋势/ })).toHaveCount(report.chart ? 1 : 0);

		const href = await page.getByRole('link', { name: '导出 CSV' }).getAttribute('href');
		const res = await page.request.get(href!);
		expect(res.status(), report.link).toBe(200);
		expect(res.headers()['content-type']).toContain('text/csv');
		const bytes = await res.body();
		expect([...bytes.subarray(0, 3)], report.link).toEqual([0xef, 0xbb, 0xbf]);
		const header = bytes.subarray(3).toString('utf8').split('\r\n')[0]!;
		expect(header.split(',')[0], report.link).toBe(await headers.first().innerText());
	}
});

test('a branch manager gets their own branch and is refused another in page and export', async ({
	page
}) => {
	await signIn(page, DEMO.branchManager);
	await page.goto('/manage/reports/pass-rates');
	await expect(page.getByTestId('report-table').locator('tbody tr').first()).toContainText('XJ08');
	for (const path of ['/manage/reports/pass-rates', '/manage/reports/pass-rates/export.csv']) {
		const res = await page.request.get(`${path}?branch=XJ01`);
		expect(res.status(), path).toBe(403);
	}
});
