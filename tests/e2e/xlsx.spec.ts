import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { expect, test, type Download } from '@playwright/test';
import { DEMO, signIn } from './helpers';

async function workbook(download: Download): Promise<ExcelJS.Workbook> {
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.load((await readFile(await download.path())) as never);
	return wb;
}

test('HR downloads the pass-rate grid as a workbook that keeps its layout and its numbers', async ({
	page
}) => {
	await signIn(page, DEMO.hr);
	await page.goto('/manage/reports/pass-rates');
	await page.getByRole('link', { name: '查看汇总表（机构 × 月份）' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('抽考通过率汇总表');
	const grid = page.getByTestId('pass-rate-grid');
	await expect(grid.getByRole('columnheader', { name: '合计' })).toBeVisible();
	await expect(grid.getByRole('rowheader', { name: '全辖合计' })).toBeVisible();
	// Each figure links to its drill-down.
	await expect(grid.locator('tbody td a').first()).toHaveAttribute('href', /groupBy=campaign/);

	const downloading = page.waitForEvent('download');
	await page.getByRole('link', { name: '导出 Excel' }).click();
	const download = await downloading;
	expect(download.suggestedFilename()).toMatch(/^抽考通过率汇总表_\d{4}-\d{2}至\d{4}-\d{2}\.xlsx$/);
	const wb = await workbook(download);
	const [rates, passed, sat] = wb.worksheets as ExcelJS.Worksheet[];
	expect(rates!.name).toBe('通过率');
	expect(rates!.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
	expect(rates!.getCell('A2').value).toBe('机构号');
	let checked = 0;
	rates!.eachRow((row, r) => {
		if (r < 3) return;
		row.eachCell((cell, c) => {
			if (typeof cell.value !== 'number') return;
			expect(cell.numFmt).toMatch(/0\.0%$/);
			const num = Number(passed!.getRow(r).getCell(c).value);
			const den = Number(sat!.getRow(r).getCell(c).value);
			expect(cell.value).toBeCloseTo(num / den, 10);
			checked++;
		});
	});
	expect(checked).toBeGreaterThan(5);
});

test('an employee number with a leading zero stays text in the workbook', async ({ page }) => {
	// A teller whose number starts with zeros, straight into the demo office's database.
	const db = new Database(process.env.E2E_DATABASE_PATH!, { fileMustExist: true });
	db.pragma('busy_timeout = 5000');
	const now = Date.now();
	db.prepare(
		`insert into staff (employee_no, name, branch_id, position, password_hash, must_change_password, created_at, updated_at)
		 select '007001', '零号测试员', id, '储蓄员', 'x', 0, ?, ? from branch where code = 'XJ08'
		 on conflict do nothing`
	).run(now, now);
	db.close();

	await signIn(page, DEMO.hr);
	await page.goto('/manage/reports/hours?branch=XJ08');
	const downloading = page.waitForEvent('download');
	await page.getByRole('link', { name: '导出 Excel' }).click();
	const download = await downloading;
	expect(download.suggestedFilename()).toMatch(/^学时达标_XJ08_.*\.xlsx$/);
	const ws = (await workbook(download)).getWorksheet('学时达标')!;
	expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
	expect(ws.getCell('A2').value).toBe('员工号');
	const numbers = (ws.getColumn(1).values as unknown[]).slice(3);
	expect(numbers).toContain('007001');
	const at = numbers.indexOf('007001') + 3;
	expect(ws.getCell(`A${at}`).type).toBe(ExcelJS.ValueType.String);
	expect(ws.getCell(`A${at}`).numFmt).toBe('@');
});
