import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_ROSTER_BYTES, readRosterFile } from '../../../src/lib/server/roster/read';

const fixture = (name: string): Uint8Array =>
	fs.readFileSync(path.resolve('tests/fixtures/roster', name));
const csv = (...lines: string[]): Uint8Array => new TextEncoder().encode(lines.join('\n'));
const HEADER = '工号,姓名,机构代码,机构名称,机构类型,岗位,入职日期,角色,状态';

describe('reading a roster file', () => {
	it.each([
		['roster-utf8.csv', 'utf-8'],
		['roster-utf8-bom.csv', 'utf-8'],
		['roster-gbk.csv', 'gb18030']
	])('reads %s the same way, detecting %s', (name, encoding) => {
		const result = readRosterFile(fixture(name));
		expect(result.problems).toEqual([]);
		expect(result.encoding).toBe(encoding);
		expect(result.records.map((r) => [r.line, r.employeeNo, r.name, r.branchName])).toEqual([
			[2, '10001', '张伟', '县支行营业部'],
			[3, '10002', '李娜', '城关支局'],
			[4, '10003', '王芳', null],
			[5, '10004', '刘洋', '河口支局']
		]);
		expect(result.records[0]).toMatchObject({
			branchType: 'head_office',
			hireDate: '2015-03-01',
			roles: ['hr', 'admin'],
			status: 'active'
		});
		expect(result.records[1]?.hireDate).toBe('2019-07-15');
		expect(result.records[2]).toMatchObject({
			roles: ['mentor', 'branch_manager'],
			status: 'active'
		});
		expect(result.records[3]).toMatchObject({ roles: ['learner'], status: 'onboarding' });
	});

	it('matches English and Chinese headers in any order, case and spacing', () => {
		const result = readRosterFile(
			csv(
				' STATUS ,Position,  姓名 ,Branch-Code,employee no,HIRE_DATE, Roles,Remarks',
				'left,储蓄员,赵敏,B001,20001,2020/1/2,Mentor|讲师,随便'
			)
		);
		expect(result.problems).toEqual([]);
		expect(result.ignoredColumns).toEqual(['Remarks']);
		expect(result.records).toEqual([
			{
				line: 2,
				employeeNo: '20001',
				name: '赵敏',
				branchCode: 'B001',
				branchName: null,
				branchType: null,
				position: '储蓄员',
				hireDate: '2020-01-02',
				roles: ['mentor', 'trainer'],
				status: 'left'
			}
		]);
	});

	it('leaves roles, status and hire date undefined when the file has no such column', () => {
		const result = readRosterFile(csv('工号,姓名,机构代码,岗位', '1,甲,B1,储蓄员'));
		expect(result.records[0]).toMatchObject({
			roles: undefined,
			status: undefined,
			hireDate: undefined
		});
	});

	it('names every missing required column', () => {
		const result = readRosterFile(csv('工号,机构名称,角色', '1,城关支局,学员'));
		expect(result.records).toEqual([]);
		expect(result.problems).toEqual([
			{
				key: 'roster.error.missingColumns',
				params: { line: 1, columns: '姓名/name, 机构代码/branch_code, 岗位/position' }
			}
		]);
	});

	it('refuses the same column twice', () => {
		const result = readRosterFile(csv('工号,姓名,机构代码,岗位,employee_no', '1,甲,B1,储蓄员,1'));
		expect(result.problems[0]).toMatchObject({
			key: 'roster.error.duplicateColumn',
			params: { column: 'employee_no', other: '工号' }
		});
	});

	it('reports an empty file, a header-only file and a file over 10 MB', () => {
		expect(readRosterFile(new Uint8Array()).problems).toEqual([{ key: 'roster.error.fileEmpty' }]);
		expect(readRosterFile(csv('', '  ', '')).problems[0]?.key).toBe('roster.error.fileEmpty');
		expect(readRosterFile(csv(HEADER, '', '')).problems).toEqual([
			{ key: 'roster.error.noDataRows' }
		]);
		const big = readRosterFile(new Uint8Array(MAX_ROSTER_BYTES + 1));
		expect(big.problems).toEqual([
			{ key: 'roster.error.fileTooLarge', params: { size: '10', limit: '10' } }
		]);
	});

	it('refuses UTF-16 rather than decoding it as GBK', () => {
		const utf16 = new Uint8Array([0xff, 0xfe, 0x25, 0x5d, 0x0a, 0x00]);
		expect(readRosterFile(utf16).problems).toEqual([{ key: 'roster.error.utf16' }]);
	});

	it('reports every bad row by the line it starts on, quoted newlines included', () => {
		const result = readRosterFile(
			csv(
				HEADER,
				'1,张三,B1,城关支局,城区,储蓄员,2026-02-30,学员,在职', // 2: impossible date
				'2,"李',
				'四",B1,城关支局,城区,储蓄员,2026.1.5,学员,在职', // 3-4: bad format, starts on 3
				'',
				'1,王五,B1,城关支局,城区,储蓄员,,老板,在职', // 6: duplicate, unknown role
				'3,,B1,城关支局,乡镇,,,,退休', // 7: missing name and position, type, status
				'4,孙七,B1,城关分理处,城区,储蓄员,,,', // 8: same code, another name
				'5,周八,B1,城关支局,农村,储蓄员,,,', // 9: same code, another type
				'6,吴九,B1,城关支局,城区,储蓄员,2026-1-5,,,extra' // 10: too many cells
			)
		);
		const seen = result.problems.map((p) => [p.params?.line, p.params?.column, p.key]);
		expect(seen).toEqual([
			[2, '入职日期', 'roster.error.dateImpossible'],
			[3, '入职日期', 'roster.error.dateFormat'],
			[6, '角色', 'roster.error.unknownRole'],
			[6, '工号', 'roster.error.duplicateEmployeeNo'],
			[7, '姓名', 'roster.error.required'],
			[7, '岗位', 'roster.error.required'],
			[7, '机构类型', 'roster.error.unknownBranchType'],
			[7, '状态', 'roster.error.unknownStatus'],
			[8, '机构名称', 'roster.error.branchConflict'],
			[9, '机构类型', 'roster.error.branchConflict'],
			[10, '', 'roster.error.extraCells']
		]);
		expect(result.problems[3]?.params).toMatchObject({ value: '1', firstLine: 2 });
		expect(result.problems[8]?.params).toMatchObject({
			value: '城关分理处',
			first: '城关支局',
			firstLine: 2
		});
		expect(result.rowCount).toBe(7);
		expect(result.records).toEqual([]);
	});

	it('reports a quote that never closes at the line it opens', () => {
		const result = readRosterFile(
			csv(
				HEADER,
				'1,张三,B1,城关支局,城区,储蓄员,,,',
				'2,"李四,B1,城关支局,城区,储蓄员,,,',
				'3,x,B1,,,储蓄员,,,'
			)
		);
		expect(result.problems).toEqual([
			{ key: 'roster.error.unterminatedQuote', params: { line: 3 } }
		]);
	});

	it('reads CRLF, LF and tab-separated files alike', () => {
		const crlf = new TextEncoder().encode(`${HEADER}\r\n1,甲,B1,城关支局,城区,储蓄员,,,\r\n`);
		const tabs = csv(HEADER.replaceAll(',', '\t'), '1\t甲\tB1\t城关支局\t城区\t储蓄员\t\t\t');
		for (const bytes of [crlf, tabs]) {
			const result = readRosterFile(bytes);
			expect(result.problems).toEqual([]);
			expect(result.records.map((r) => [r.line, r.name])).toEqual([[2, '甲']]);
		}
	});
});
