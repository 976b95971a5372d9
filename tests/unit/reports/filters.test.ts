import { describe, expect, it } from 'vitest';
import { parseReportFilters } from '../../../src/lib/server/reports/filters';

const parse = (q: string) => parseReportFilters(new URLSearchParams(q), '2026-11-20');

describe('parseReportFilters', () => {
	it('defaults to the last 12 months, no branch, no position, by branch and month', () => {
		expect(parse('')).toEqual({
			from: '2025-12',
			to: '2026-11',
			branchCode: null,
			position: null,
			groupBy: 'branch_month'
		});
	});

	it('reads valid values and falls back on invalid ones without throwing', () => {
		expect(parse('from=2026-01&to=2026-06&branch=B001&position=柜员&groupBy=campaign')).toEqual({
			from: '2026-01',
			to: '2026-06',
			branchCode: 'B001',
			position: '柜员',
			groupBy: 'campaign'
		});
		expect(parse('from=2026-13&to=junk&groupBy=nope&branch=')).toMatchObject({
			from: '2025-12',
			to: '2026-11',
			branchCode: null,
			groupBy: 'branch_month'
		});
		expect(parse('from=2026-10&to=2026-02')).toMatchObject({ from: '2025-12', to: '2026-11' });
	});
});
