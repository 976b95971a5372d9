import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { rate } from '../../../src/lib/reports/rate';
import type { ReportColumn } from '../../../src/lib/reports/types';
import { contentDisposition, localFileName } from '../../../src/lib/server/reports/download';
import {
	excelDate,
	fitWidths,
	sheetColumns,
	xlsxRowWriter
} from '../../../src/lib/server/reports/xlsx-cells';
import { sheetName, streamReportXlsx } from '../../../src/lib/server/reports/xlsx';
import { countTurns } from '../../helpers/turns';

const COLUMNS: ReportColumn[] = [
	{ key: 'employeeNo', label: 'reports.col.employeeNo', kind: 'code' },
	{ key: 'name', label: 'reports.col.name', kind: 'text' },
	{ key: 'passRate', label: 'reports.col.passRate', kind: 'rate' },
	{ key: 'submittedAt', label: 'reports.col.submittedAt', kind: 'date' },
	{ key: 'passed', label: 'reports.col.attemptPassed', kind: 'flag' },
	{ key: 'score', label: 'reports.col.score', kind: 'int' }
];

async function read(stream: ReadableStream<Uint8Array>): Promise<ExcelJS.Workbook> {
	const bytes = Buffer.from(await new Response(stream).arrayBuffer());
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.load(bytes as unknown as ArrayBuffer);
	return wb;
}

const HEADING = { name: '考试成绩明细', caption: '考试成绩明细　2026-01至2026-11' };

describe('report workbook', () => {
	it('freezes and filters the header, keeps leading zeros as text and writes rates as percent numbers', async () => {
		const rows = [
			{
				employeeNo: '00123',
				name: '=HYPERLINK("http://x")',
				passRate: rate(2, 3),
				submittedAt: '2026-11-03 09:30',
				passed: 1,
				score: 88
			},
			{
				employeeNo: '0456',
				name: '+1',
				passRate: rate(0, 0),
				submittedAt: null,
				passed: 0,
				score: 0
			}
		];
		const wb = await read(streamReportXlsx(rows, COLUMNS, HEADING, 'zh-CN'));
		const ws = wb.getWorksheet('考试成绩明细')!;
		expect(ws).toBeDefined();
		expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
		expect(ws.autoFilter).toBe('A2:H4');
		expect(ws.getCell('A1').value).toBe(HEADING.caption);
		expect(ws.getRow(2).values).toEqual([
			undefined,
			'员工号',
			'姓名',
			'通过率',
			expect.stringContaining('通过率'),
			expect.stringContaining('通过率'),
			expect.any(String),
			expect.any(String),
			expect.any(String)
		]);
		const no = ws.getCell('A3');
		expect(no.value).toBe('00123');
		expect(no.type).toBe(ExcelJS.ValueType.String);
		expect(no.numFmt).toBe('@');
		// Formula-like text stays text: no formula is stored, the text is unchanged.
		expect(ws.getCell('B3').value).toBe('=HYPERLINK("http://x")');
		expect(ws.getCell('B3').formula).toBeUndefined();
		expect(ws.getCell('B4').value).toBe('+1');
		const pct = ws.getCell('C3');
		expect(pct.numFmt).toBe('0.0%');
		expect(pct.value).toBeCloseTo(Number(ws.getCell('D3').value) / Number(ws.getCell('E3').value));
		expect(ws.getCell('C4').value).toBe('—');
		// The office minute, as a date Excel shows as 2026-11-03 09:30.
		expect(ws.getCell('F3').value).toEqual(new Date(Date.UTC(2026, 10, 3, 9, 30)));
		expect(ws.getCell('F3').numFmt).toBe('yyyy-mm-dd hh:mm');
		expect(ws.getCell('G3').value).toBe('是');
		expect(ws.getCell('H3').value).toBe(88);
	});

	it('streams an async source of more rows than it samples, with the header only when empty', async () => {
		async function* many(): AsyncGenerator<Record<string, string | number>> {
			for (let i = 0; i < 1_200; i++) yield { employeeNo: String(i).padStart(6, '0'), score: i };
		}
		const wb = await read(streamReportXlsx(many(), COLUMNS, HEADING, 'en'));
		const ws = wb.worksheets[0]!;
		expect(ws.rowCount).toBe(1_202);
		expect(ws.getCell('A1202').value).toBe('001199');
		expect(ws.getCell('A2').value).toBe('Employee no.');

		const empty = (await read(streamReportXlsx([], COLUMNS, HEADING))).worksheets[0]!;
		expect(empty.rowCount).toBe(2);
		expect(empty.autoFilter).toBe('A2:H2');
	});

	it('lets other work run once a slice of time is used, from the first sampled row on', async () => {
		// Each row costs 5 ms here, more than a slice: the writer must yield to the event loop
		// between any two rows, also while it samples rows for the column widths.
		const loop = countTurns();
		const seenAtPull: number[] = [];
		function* slowRows(): Generator<Record<string, string>> {
			for (let i = 0; i < 8; i++) {
				seenAtPull.push(loop.turns);
				const until = performance.now() + 5;
				while (performance.now() < until);
				yield { employeeNo: String(i).padStart(6, '0') };
			}
		}
		const wb = await read(streamReportXlsx(slowRows(), COLUMNS, HEADING, 'en'));
		loop.stop();
		expect(wb.worksheets[0]!.rowCount).toBe(10);
		for (let i = 1; i < seenAtPull.length; i++) {
			expect(seenAtPull[i]).toBeGreaterThan(seenAtPull[i - 1]!);
		}
	});
});

describe('workbook helpers', () => {
	it('reads office days and minutes as wall-clock dates and nothing else', () => {
		expect(excelDate('2026-02-28')).toEqual(new Date(Date.UTC(2026, 1, 28)));
		expect(excelDate('2026-02-28 23:59')).toEqual(new Date(Date.UTC(2026, 1, 28, 23, 59)));
		expect(excelDate('2026-02')).toBeNull();
		expect(excelDate('张三')).toBeNull();
	});

	it('writes an office month as the date of its first day, formatted as 2026年11月', () => {
		const write = xlsxRowWriter(
			[{ key: 'month', label: 'reports.col.month', kind: 'month' }],
			'zh-CN'
		);
		const { values, styles } = write({ month: '2026-11' });
		expect(values).toEqual([new Date(Date.UTC(2026, 10, 1))]);
		expect(styles[0]?.numFmt).toBe('yyyy"年"m"月"');
		expect(write({ month: '全年' }).values).toEqual(['全年']);
	});

	it('fits widths to CJK text, within bounds', () => {
		const cols = sheetColumns([COLUMNS[1]!], 'zh-CN');
		expect(fitWidths(cols, [['中国工商银行']])).toEqual([15]);
		expect(fitWidths(cols, [['x'.repeat(200)]])).toEqual([60]);
	});

	it('names sheets and files in Chinese, with an ASCII fallback in Content-Disposition', () => {
		expect(sheetName('a/b:c*'.repeat(10))).toHaveLength(31);
		const name = localFileName(
			{ title: '抽考通过率', filters: { from: '2026-01', to: '2026-11', branchCode: null } },
			'xlsx',
			'zh-CN'
		);
		expect(name).toBe('抽考通过率_2026-01至2026-11.xlsx');
		const header = contentDisposition(name, 'pass-rates-2026-01_2026-11.xlsx');
		expect(header).toBe(
			`attachment; filename="pass-rates-2026-01_2026-11.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`
		);
		expect(contentDisposition('x', '抽"考.xlsx')).toContain('filename="___.xlsx"');
	});
});
