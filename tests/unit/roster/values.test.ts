import { describe, expect, it } from 'vitest';
import {
	parseBranchType,
	parseHireDate,
	parseRoles,
	parseStatus
} from '../../../src/lib/server/roster/values';

describe('roster cell values', () => {
	it('accepts YYYY-MM-DD and YYYY/M/D and normalises both', () => {
		expect(parseHireDate('2024-03-05')).toEqual({ ok: true, value: '2024-03-05' });
		expect(parseHireDate(' 2024/3/5 ')).toEqual({ ok: true, value: '2024-03-05' });
		expect(parseHireDate('2024/12/31')).toEqual({ ok: true, value: '2024-12-31' });
		expect(parseHireDate('')).toEqual({ ok: true, value: null });
	});

	it('tells an impossible date from a badly written one', () => {
		expect(parseHireDate('2026-02-30')).toMatchObject({ ok: false, reason: 'impossible' });
		expect(parseHireDate('2024/13/1')).toMatchObject({ ok: false, reason: 'impossible' });
		expect(parseHireDate('2025-02-29')).toMatchObject({ ok: false, reason: 'impossible' });
		expect(parseHireDate('2024-02-29')).toEqual({ ok: true, value: '2024-02-29' });
		for (const bad of ['2024.3.5', '5/3/2024', '2024-3/5', '2024年3月5日', '20240305']) {
			expect(parseHireDate(bad)).toMatchObject({ ok: false, reason: 'format', value: bad });
		}
	});

	it('splits roles on ; , 、 | in Chinese or English, defaulting to learner', () => {
		expect(parseRoles('导师;讲师')).toEqual({ ok: true, value: ['mentor', 'trainer'] });
		expect(parseRoles('Admin, hr')).toEqual({ ok: true, value: ['hr', 'admin'] });
		expect(parseRoles('支局长、学员|导师')).toEqual({
			ok: true,
			value: ['learner', 'mentor', 'branch_manager']
		});
		expect(parseRoles('人事；管理员')).toEqual({ ok: true, value: ['hr', 'admin'] });
		expect(parseRoles('  ')).toEqual({ ok: true, value: ['learner'] });
		expect(parseRoles('导师;老板')).toEqual({ ok: false, value: '老板' });
	});

	it('knows branch types and statuses by either name', () => {
		expect(parseBranchType('农村')).toEqual({ ok: true, value: 'rural' });
		expect(parseBranchType('Call_Center')).toEqual({ ok: true, value: 'call_center' });
		expect(parseBranchType('')).toEqual({ ok: true, value: null });
		expect(parseBranchType('乡镇')).toEqual({ ok: false, value: '乡镇' });
		expect(parseStatus('见习')).toEqual({ ok: true, value: 'onboarding' });
		expect(parseStatus('')).toEqual({ ok: true, value: 'active' });
		expect(parseStatus('toString')).toEqual({ ok: false, value: 'toString' });
	});
});
