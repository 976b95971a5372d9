import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { report } from '../../../src/lib/server/cli/report';
import { closeApp, openApp } from '../../../src/lib/server/cli/open-app';
import { loadContent } from '../../../src/lib/server/courses/loader';
import { syncCourses } from '../../../src/lib/server/courses/sync';
import {
	seedDemoAml,
	seedDemoExams,
	seedDemoIfEmpty,
	seedDemoOnboarding,
	seedDemoQuestionBanks,
	seedDemoSpot
} from '../../../src/lib/server/demo/service';
import { setAmlInstitutionCode } from '../../../src/lib/server/reports/service';

async function readBook(file: string): Promise<ExcelJS.Workbook> {
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.readFile(file);
	return wb;
}

// A demo office (staff, spot exams, the AML sessions) in a database file, as the CLI opens it.
describe('CLI report --format xlsx on the demo database', { timeout: 300_000 }, () => {
	let dir = '';
	beforeAll(async () => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qualify-xlsx-'));
		vi.stubEnv('DATABASE_PATH', path.join(dir, 'demo.db'));
		const opened = await openApp();
		const ctx = { ...opened, clock: { now: () => Date.parse('2026-11-25T02:00:00Z') } };
		try {
			await syncCourses(ctx, loadContent(path.resolve('content')));
			await seedDemoIfEmpty(ctx);
			await seedDemoOnboarding(ctx);
			await seedDemoQuestionBanks(ctx);
			await seedDemoExams(ctx);
			await seedDemoSpot(ctx);
			await seedDemoAml(ctx);
			await setAmlInstitutionCode(ctx, null, 'C1234567890123');
		} finally {
			await closeApp(opened);
		}
		vi.spyOn(console, 'error').mockImplementation(() => {});
	}, 300_000);
	afterAll(() => {
		vi.restoreAllMocks();
		vi.unstubAllEnvs();
		if (dir) fs.rmSync(dir, { recursive: true, force: true });
	});

	it('writes the pass-rate workbook: percent rates beside their counts, codes as text', async () => {
		const file = path.join(dir, 'pass-rates.xlsx');
		const args = ['--from', '2026-01', '--to', '2026-11', '--format', 'xlsx', '--out', file];
		expect(await report.run(['pass-rates', ...args])).toBe(0);
		const ws = (await readBook(file)).getWorksheet('抽考通过率')!;
		expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
		expect(String(ws.getCell('A1').value)).toContain('2026-01至2026-11');
		const header = (ws.getRow(2).values as unknown[]).slice(1);
		const rateAt = header.indexOf('通过率') + 1;
		expect(rateAt).toBeGreaterThan(0);
		expect(ws.rowCount).toBeGreaterThan(10);
		let checked = 0;
		for (let r = 3; r <= ws.rowCount; r++) {
			const cell = ws.getRow(r).getCell(rateAt);
			if (typeof cell.value !== 'number') continue;
			expect(cell.numFmt).toBe('0.0%');
			const num = Number(ws.getRow(r).getCell(rateAt + 1).value);
			const den = Number(ws.getRow(r).getCell(rateAt + 2).value);
			expect(cell.value).toBeCloseTo(num / den, 10);
			checked++;
		}
		expect(checked).toBeGreaterThan(10);
		expect(ws.getCell('A3').type).toBe(ExcelJS.ValueType.String);
	});

	it('writes the AML training table for the demo year, and its CSV; an empty quarter is a zero report', async () => {
		const book = path.join(dir, 'aml.xlsx');
		const aml = ['--year', '2026', '--format', 'xlsx', '--out', book];
		expect(await report.run(['aml-training', ...aml])).toBe(0);
		const ws = (await readBook(book)).worksheets[0]!;
		expect(ws.getCell('A1').value).toBe('金融机构反洗钱培训活动情况');
		const fields = Object.fromEntries(
			[2, 3, 4, 5, 6].map((r) => [ws.getCell(`A${r}`).value, ws.getCell(`B${r}`).value])
		);
		expect(fields).toMatchObject({
			年度: '2026',
			填报单位机构代码: 'C1234567890123',
			零报告标志: '否',
			制表人: '系统'
		});
		expect((ws.getRow(7).values as unknown[]).slice(1)).toEqual([
			'培训时间',
			'培训内容',
			'培训对象',
			'参加人数',
			'培训方式'
		]);
		expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 7 });
		// The four quarterly sessions held before 25 November.
		expect(ws.rowCount).toBe(11);
		expect(ws.getCell('A8').value).toEqual(new Date(Date.UTC(2026, 2, 18)));
		expect(String(ws.getCell('B8').value)).toContain('反洗钱');
		expect(Number(ws.getCell('D8').value)).toBeGreaterThan(20);
		expect(ws.getCell('E8').value).toBe('集中面授');

		const out = path.join(dir, 'q4.csv');
		expect(
			await report.run(['aml-training', '--year', '2026', '--quarter', '4', '--out', out])
		).toBe(0);
		const lines = fs.readFileSync(out, 'utf8').split('\r\n');
		expect(lines[0]).toBe('\uFEFF金融机构反洗钱培训活动情况');
		expect(lines).toContain('零报告标志,否');
		expect(lines.filter((l) => l.includes('反洗钱专题培训'))).toHaveLength(1);

		const empty = path.join(dir, 'q1-2025.csv');
		expect(
			await report.run(['aml-training', '--year', '2025', '--quarter', '1', '--out', empty])
		).toBe(0);
		expect(fs.readFileSync(empty, 'utf8')).toContain('零报告标志,是');
		expect(await report.run(['aml-training', '--year', '26'])).toBe(2);
		expect(await report.run(['aml-training', '--year', '2026', '--quarter', '5'])).toBe(2);
	});
});
