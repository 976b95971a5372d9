import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { DEMO, signIn, signOut } from './helpers';

const BOM = '\ufeff';

test('HR previews a bad roster, sees every bad line, and nothing is written', async ({ page }) => {
	await signIn(page, DEMO.hr);
	await page.goto('/manage/import');
	const csv =
		BOM +
		'工号,姓名,机构代码,岗位,入职日期,角色\r\n' +
		'E2E001,测试甲,XJ08,储蓄员,2026-02-30,学员\r\n' +
		'E2E002,,XJ08,储蓄员,2026-01-05,学员\r\n' +
		'E2E003,测试丙,XJ08,储蓄员,2026-01-05,经理\r\n';
	await page.getByLabel('花名册文件（CSV）').setInputFiles({
		name: 'bad.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(csv, 'utf8')
	});
	await page.getByRole('button', { name: '上传并预览' }).click();
	await expect(page.getByRole('heading', { name: '导入预览' })).toBeVisible();
	await expect(page.getByRole('heading', { name: /错误（3 条）/ })).toBeVisible();
	const rows = page.getByRole('table').filter({ hasText: '行号' }).getByRole('row');
	await expect(rows.nth(1)).toContainText('2');
	await expect(rows.nth(2)).toContainText('3');
	await expect(rows.nth(3)).toContainText('4');
	await expect(page.getByRole('button', { name: '确认导入' })).toHaveCount(0);
	await page.goto('/manage/staff?q=E2E00');
	await expect(page.getByText('没有符合条件的员工，请调整筛选条件。')).toBeVisible();
});

test('HR cannot import a roster that makes someone an admin', async ({ page }) => {
	await signIn(page, DEMO.hr);
	await page.goto('/manage/import');
	await page
		.getByLabel('花名册文件（CSV）')
		.setInputFiles(path.resolve('tests/fixtures/roster/roster-gbk.csv'));
	await page.getByRole('button', { name: '上传并预览' }).click();
	await expect(page.getByRole('heading', { name: /错误（1 条）/ })).toBeVisible();
	await expect(page.getByText(/只有管理员才能授予管理员角色/)).toBeVisible();
	await expect(page.getByRole('button', { name: '确认导入' })).toHaveCount(0);
	await page.getByRole('button', { name: '放弃本次导入' }).click();
	await expect(page.getByText('本次导入已放弃，没有写入任何数据。')).toBeVisible();
});

// The fixture makes 张伟 an admin, which only an admin may import.
test('an admin imports a GBK roster from Excel, downloads initial passwords once, and a new hire must change theirs', async ({
	page
}) => {
	await signIn(page, DEMO.admin);
	await page.goto('/manage/import');
	await page
		.getByLabel('花名册文件（CSV）')
		.setInputFiles(path.resolve('tests/fixtures/roster/roster-gbk.csv'));
	await page.getByRole('button', { name: '上传并预览' }).click();
	await expect(page.getByRole('heading', { name: '导入预览' })).toBeVisible();
	await expect(page.getByText('张伟').first()).toBeVisible();
	await page.getByRole('button', { name: '确认导入' }).click();
	await expect(page.getByText(/已导入：新建 4 人/)).toBeVisible();

	const downloadPromise = page.waitForEvent('download');
	await page.getByRole('button', { name: '下载初始密码（仅一次）' }).click();
	const download = await downloadPromise;
	const bytes = fs.readFileSync(await download.path());
	expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
	const lines = bytes.toString('utf8').slice(1).split('\r\n').filter(Boolean);
	const liNa = lines.find((line) => line.includes('10002'));
	expect(liNa).toBeDefined();
	const password = liNa!.split(',').at(-1)!.replace(/"/g, '');
	expect(password.length).toBeGreaterThanOrEqual(10);

	// Only a post hands the file over (a link, prefetch or scanner cannot), and only once.
	const passwordsUrl = page.url().replace(/\/?$/, '') + '/passwords.csv';
	expect((await page.request.get(passwordsUrl)).status()).toBe(405);
	expect((await page.request.post(passwordsUrl)).status()).toBe(410);
	await signOut(page);

	// 李娜 signs in with the handed-out password and is sent to change it first.
	await page.getByLabel('工号').fill('10002');
	await page.getByLabel('密码').fill(password);
	await page.getByRole('button', { name: '登录' }).click();
	await expect(page).toHaveURL(/\/password/);
	await expect(page.getByText('这是您首次使用初始密码登录，请先设置新密码。')).toBeVisible();
	await page.goto('/');
	await expect(page).toHaveURL(/\/password/);
	await page.getByLabel('当前密码').fill(password);
	await page.getByLabel('新密码', { exact: true }).fill('Li-Na-2026!');
	await page.getByLabel('确认新密码').fill('Li-Na-2026!');
	await page.getByRole('button', { name: '保存新密码' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('李娜，您好');
});

test('HR commits a large roster and watches its progress until the result, without a reload', async ({
	page
}) => {
	test.setTimeout(120_000);
	await signIn(page, DEMO.hr);
	await page.goto('/manage/import');
	// A branch and a position of their own, so no other test draws or lists these people.
	const rows = Array.from(
		{ length: 40_000 },
		(_, i) => `E2EB${i},批量${i},E2EB,${i === 0 ? '批量测试支局,农村' : ','},批量测试岗`
	);
	await page.getByLabel('花名册文件（CSV）').setInputFiles({
		name: 'big.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(['工号,姓名,机构代码,机构名称,机构类型,岗位', ...rows].join('\r\n'), 'utf8')
	});
	await page.getByRole('button', { name: '上传并预览' }).click();
	await expect(page.getByRole('heading', { name: '导入预览' })).toBeVisible({ timeout: 30_000 });
	await page.getByRole('button', { name: '确认导入' }).click();
	await expect(page.getByRole('heading', { name: '正在导入' })).toBeVisible();
	await expect(page.getByRole('progressbar', { name: '导入进度' })).toBeVisible();
	// A full reload would lose this mark; the page only re-runs its load.
	await page.evaluate(() => ((window as unknown as { mark: number }).mark = 1));
	await expect(page.getByText(/已导入：新建 40000 人/)).toBeVisible({ timeout: 60_000 });
	expect(await page.evaluate(() => (window as unknown as { mark?: number }).mark)).toBe(1);
	await expect(page.getByRole('button', { name: '下载初始密码（仅一次）' })).toBeVisible();
});

test('a branch manager sees their branch but is refused another branch and HR pages', async ({
	page
}) => {
	await signIn(page, DEMO.branchManager);
	await page.goto('/manage/staff');
	await expect(page.getByRole('heading', { name: '员工名单' })).toBeVisible();
	await expect(page.getByRole('cell', { name: DEMO.teller })).toBeVisible();
	await expect(page.getByRole('cell', { name: DEMO.hr })).toHaveCount(0);

	const other = await page.goto(`/manage/staff/${DEMO.hr}`);
	expect(other?.status()).toBe(403);
	await expect(page.getByText('您没有权限访问此页面。', { exact: false })).toBeVisible();

	expect((await page.goto('/manage/branches/XJ00'))?.status()).toBe(403);
	expect((await page.goto('/manage/import'))?.status()).toBe(403);
	expect((await page.goto('/manage/audit'))?.status()).toBe(403);
	expect((await page.goto(`/manage/staff/${DEMO.teller}`))?.status()).toBe(200);
});

test('a teller cannot open management pages', async ({ page }) => {
	await signIn(page, DEMO.teller);
	expect((await page.goto('/manage/staff'))?.status()).toBe(403);
	expect((await page.goto(`/manage/staff/${DEMO.teller}`))?.status()).toBe(403);
});
