import { expect, test } from '@playwright/test';
import { DEMO, signIn } from './helpers';

const BOM = '\ufeff';
const FILE = {
	name: 'decision.csv',
	mimeType: 'text/csv',
	buffer: Buffer.from(BOM + '工号,姓名,机构代码,岗位\r\nE2D001,决定甲,XJ08,储蓄员\r\n', 'utf8')
};

async function preview(page: import('@playwright/test').Page): Promise<void> {
	await page.goto('/manage/import');
	await page.getByLabel('花名册文件（CSV）').setInputFiles(FILE);
	await page.getByRole('button', { name: '上传并预览' }).click();
	await expect(page.getByRole('heading', { name: '导入预览' })).toBeVisible();
}

test('a roster preview puts its decision first, collapses unchanged rows and says 已导入 after commit', async ({
	page
}) => {
	await signIn(page, DEMO.hr);
	await preview(page);
	const commit = page.getByRole('button', { name: '确认导入' });
	const changes = page.getByRole('heading', { name: '将要进行的变更' });
	await expect(commit).toBeVisible();
	// Totals, then the decision, then the rows it decides on.
	const commitTop = (await commit.boundingBox())!.y;
	expect(commitTop).toBeLessThan((await changes.boundingBox())!.y);
	expect((await page.getByRole('heading', { name: '汇总' }).boundingBox())!.y).toBeLessThan(
		commitTop
	);
	await commit.click();
	await expect(page.getByText(/已导入：新建 1 人/)).toBeVisible();

	// The same file again: one unchanged person, collapsed rather than listed.
	await preview(page);
	await expect(page.getByText('另有 1 人无变化，已折叠不列出。')).toBeVisible();
	await expect(page.getByRole('cell', { name: 'E2D001' })).toHaveCount(0);
	await page.getByRole('button', { name: '放弃本次导入' }).click();
	await page.goto('/manage/import');
	await expect(page.getByRole('cell', { name: '已导入' }).first()).toBeVisible();
});
