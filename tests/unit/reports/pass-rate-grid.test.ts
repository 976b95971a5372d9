import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { isBelow } from '../../../src/lib/reports/grid';
import { rate } from '../../../src/lib/reports/rate';
import type { ReportFilters } from '../../../src/lib/reports/types';
import { gridWorkbook } from '../../../src/lib/server/reports/grid-xlsx';
import { pivotPassRates } from '../../../src/lib/server/reports/pass-rate-grid';

const ROWS = [
	{ branchCode: 'B02', branchName: '城东支局', month: '2026-02', passed: 9, sat: 10 },
	{ branchCode: 'B01', branchName: '城西支局', month: '2026-01', passed: 19, sat: 20 },
	{ branchCode: 'B01', branchName: '城西支局', month: '2026-03', passed: 3, sat: 4 }
];
const FILTERS: ReportFilters = {
	from: '2026-01',
	to: '2026-03',
	branchCode: null,
	position: null,
	groupBy: 'branch_month'
};

describe('pass-rate grid', () => {
	it('puts branches down and months across, summing counts for the totals', () => {
		const grid = pivotPassRates(ROWS, '2026-01', '2026-03', 0.95);
		expect(grid.months).toEqual(['2026-01', '2026-02', '2026-03']);
		expect(grid.rows.map((r) => r.branchCode)).toEqual(['B01', 'B02']);
		expect(grid.rows[0]!.cells).toEqual([rate(19, 20), rate(0, 0), rate(3, 4)]);
		expect(grid.rows[0]!.total).toEqual(rate(22, 24));
		expect(grid.office.cells).toEqual([rate(19, 20), rate(9, 10), rate(3, 4)]);
		expect(grid.office.total).toEqual(rate(31, 34));
		expect(isBelow(rate(19, 20), 0.95)).toBe(false);
		expect(isBelow(rate(9, 10), 0.95)).toBe(true);
		expect(isBelow(rate(0, 0), 0.95)).toBe(false);
	});

	it('keeps the layout in the workbook: rate cells equal passed ÷ sat, the low ones marked', async () => {
		const grid = pivotPassRates(ROWS, '2026-01', '2026-03', 0.95);
		const file = gridWorkbook(grid, FILTERS, 'pass-rates-2026-01_2026-03.csv', 0, 'zh-CN');
		expect(file.fileName).toBe('抽考通过率汇总表_2026-01至2026-03.xlsx');
		expect(file.asciiName).toBe('pass-rate-grid-2026-01_2026-03.xlsx');
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load(Buffer.from(await new Response(file.body).arrayBuffer()) as never);
		expect(wb.worksheets.map((w) => w.name)).toEqual(['通过率', '通过人数', '实考人数']);
		const [rates, passed, sat] = wb.worksheets as [
			ExcelJS.Worksheet,
			ExcelJS.Worksheet,
			ExcelJS.Worksheet
		];
		expect(rates.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
		expect(rates.getRow(2).values).toEqual([
			undefined,
			'机构号',
			'机构名称',
			'2026年1月',
			'2026年2月',
			'2026年3月',
			'合计'
		]);
		expect(rates.getCell('A3').value).toBe('B01');
		expect(rates.getCell('C3').value).toBe(
			Number(passed.getCell('C3').value) / Number(sat.getCell('C3').value)
		);
		expect(rates.getCell('C3').numFmt).toBe('0.0%');
		expect(rates.getCell('D3').value).toBe('—');
		// B02 in February: 90 %, below 95 %: marked by its format, not only its colour.
		expect(rates.getCell('D4').numFmt).toContain('▼');
		expect(rates.getCell('B5').value).toBe('全辖合计');
		expect(rates.getCell('F5').value).toBeCloseTo(31 / 34);
	});
});
