import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { renderPasswordsCsv } from '../../../src/lib/server/roster/passwords-csv';

describe('initial passwords file', () => {
	const headers: [string, string, string, string, string] = [
		'工号',
		'姓名',
		'机构代码',
		'机构名称',
		'初始密码'
	];

	it('is UTF-8 with BOM and CRLF, and no cell can run as a formula', () => {
		const csv = renderPasswordsCsv(
			[
				{
					employeeNo: '10001',
					name: '=HYPERLINK("x")',
					branchCode: '+B1',
					branchName: '-支局',
					password: '@pw'
				},
				{
					employeeNo: '10002',
					name: '李娜, 二',
					branchCode: '\tB2',
					branchName: '城关',
					password: 'abc'
				}
			],
			headers
		);
		expect(csv.startsWith('\uFEFF工号,姓名,机构代码,机构名称,初始密码\r\n')).toBe(true);
		expect(csv.endsWith('\r\n')).toBe(true);
		expect(csv.replaceAll('\r\n', '')).not.toContain('\n');
		const rows = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
		expect(rows.slice(1)).toEqual([
			['10001', `'=HYPERLINK("x")`, "'+B1", "'-支局", "'@pw"],
			['10002', '李娜, 二', "'\tB2", '城关', 'abc']
		]);
	});
});
