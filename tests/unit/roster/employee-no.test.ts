import { afterEach, describe, expect, it, vi } from 'vitest';
import { readConfig } from '../../../src/lib/server/config';
import { readRosterFile } from '../../../src/lib/server/roster/read';
import { employeeNoRule } from '../../../src/lib/server/roster/values';

const csv = (...lines: string[]): Uint8Array => new TextEncoder().encode(lines.join('\n'));
const HEADER = '工号,姓名,机构代码,岗位';

afterEach(() => vi.unstubAllEnvs());

describe('employee numbers', () => {
	it('are letters, digits, - and _; anything else is an error at its line and column', () => {
		const result = readRosterFile(
			csv(
				HEADER,
				'YZ0001,甲,B1,储蓄员',
				"YZ 0000'; DROP TABLE staff;--,乙,B1,储蓄员",
				'yz-00_2,丙,B1,储蓄员',
				'张三01,丁,B1,储蓄员',
				'"YZ0003\t",戊,B1,储蓄员'
			)
		);
		expect(result.records.map((r) => r.employeeNo)).toEqual(['YZ0001', 'yz-00_2', 'YZ0003']);
		expect(result.problems).toEqual([
			{
				key: 'roster.error.employeeNoCharacters',
				field: 'employee_no',
				params: { line: 3, column: '工号', value: "YZ 0000'; DROP TABLE staff;--" }
			},
			{
				key: 'roster.error.employeeNoCharacters',
				field: 'employee_no',
				params: { line: 5, column: '工号', value: '张三01' }
			}
		]);
	});

	it('must also match the office pattern, as a whole, when one is set', () => {
		const check = employeeNoRule('YZ\\d{4}');
		expect(check('YZ0001')).toBeNull();
		expect(check('XYZ00012')).toEqual({
			key: 'roster.error.employeeNoPattern',
			params: { value: 'XYZ00012', pattern: 'YZ\\d{4}' }
		});
		expect(check('YZ0001-1')?.key).toBe('roster.error.employeeNoPattern');
		// The office may narrow the rule, never widen it.
		expect(employeeNoRule('.+')('YZ 0001')?.key).toBe('roster.error.employeeNoCharacters');
		const result = readRosterFile(csv(HEADER, 'YZ0001,甲,B1,储蓄员', 'B0001,乙,B1,储蓄员'), check);
		expect(result.problems).toMatchObject([
			{ key: 'roster.error.employeeNoPattern', params: { line: 3, column: '工号' } }
		]);
	});

	it('take the office pattern from EMPLOYEE_NO_PATTERN, refusing one that does not compile', () => {
		vi.stubEnv('EMPLOYEE_NO_PATTERN', 'YZ\\d{4}');
		expect(readConfig().employeeNoPattern).toBe('YZ\\d{4}');
		vi.stubEnv('EMPLOYEE_NO_PATTERN', '');
		expect(readConfig().employeeNoPattern).toBeNull();
		vi.stubEnv('EMPLOYEE_NO_PATTERN', 'YZ(\\d{4}');
		expect(() => readConfig()).toThrow(/EMPLOYEE_NO_PATTERN is not a valid regular expression/);
	});
});
