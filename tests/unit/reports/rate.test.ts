import { describe, expect, it } from 'vitest';
import {
	formatPercent,
	formatRate,
	formatRatePercent,
	NO_RATE,
	rate,
	rateCsvValue
} from '../../../src/lib/reports/rate';

describe('rate', () => {
	it('keeps its counts and has no value when nobody is in the denominator', () => {
		expect(rate(2, 3)).toEqual({ num: 2, den: 3, value: 2 / 3 });
		expect(rate(0, 0)).toEqual({ num: 0, den: 0, value: null });
		expect(rate(0, 4)).toEqual({ num: 0, den: 4, value: 0 });
	});

	it('shows a percentage with one decimal and its counts, in either language', () => {
		expect(formatRate('zh-CN', rate(40, 42))).toBe('95.2%（40/42）');
		expect(formatRate('en', rate(40, 42))).toBe('95.2% (40/42)');
		expect(formatRate('en', rate(3, 4))).toBe('75% (3/4)');
		expect(formatRate('zh-CN', rate(0, 5))).toBe('0%（0/5）');
	});

	it('shows "—", never 0 % or NaN, when nobody is in the denominator or there is no rate', () => {
		expect(formatRate('zh-CN', rate(0, 0))).toBe(NO_RATE);
		expect(formatRate('en', null)).toBe(NO_RATE);
		expect(formatRatePercent('zh-CN', rate(0, 0))).toBe('—');
		expect(rateCsvValue(rate(0, 0))).toBe('—');
	});

	it('gives the percentage alone where the counts stand beside it', () => {
		expect(formatRatePercent('zh-CN', rate(2, 3))).toBe('66.7%');
		expect(formatPercent('en', 0.25)).toBe('25%');
	});

	it('writes the CSV value with four decimals for re-calculation', () => {
		expect(rateCsvValue(rate(2, 3))).toBe('0.6667');
		expect(rateCsvValue(rate(1, 1))).toBe('1.0000');
	});
});
