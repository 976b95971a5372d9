import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
	formatClock,
	formatDate,
	formatDateTime,
	formatDay,
	formatEndDate,
	formatEndDateTime,
	formatMonth,
	formatSessionTime
} from '../../../src/lib/time/format';
import { officeDayStart, officeInstant } from '../../../src/lib/time/office';

const PROBE = fileURLToPath(new URL('./zone-probe.ts', import.meta.url));

/** What zone-probe.ts prints when the process runs in time zone `tz`. */
function probe(tz: string): Record<string, string> {
	const out = execFileSync(process.execPath, ['--import', 'tsx', PROBE], {
		env: { ...process.env, TZ: tz },
		encoding: 'utf8'
	});
	return JSON.parse(out) as Record<string, string>;
}

describe('office date display', () => {
	it('renders the Beijing date whatever the process time zone: UTC, New York, Shanghai', () => {
		const seen = ['UTC', 'America/New_York', 'Asia/Shanghai'].map(probe);
		expect(seen.map((s) => s.zone)).toEqual(['UTC', 'America/New_York', 'Asia/Shanghai']);
		for (const s of seen) {
			const { zone, ...rest } = s;
			expect(rest, zone).toEqual({
				officeDay: '2026-03-03',
				input: '2026-03-03T07:30',
				fileStamp: '20260303-073000',
				dateZh: '2026年3月3日',
				dateEn: 'Mar 3, 2026',
				dateTimeZh: '2026年3月3日 07:30',
				dayEn: 'Mar 3, 2026',
				endZh: '2026年12月31日',
				deadlineZh: '2026年12月31日 24:00',
				monthDayZh: '2026年12月1日',
				monthZh: '2026年11月',
				monthEn: 'Nov 2026',
				workingDays: 'false,true,true',
				springDue: '2026-03-12'
			});
		}
	}, 30_000);

	it('shows an instant at 07:30 Beijing time as that Beijing day and clock time', () => {
		const at = officeInstant('2026-03-03', '07:30');
		expect(formatDate('zh-CN', at)).toBe('2026年3月3日');
		expect(formatDate('en', at)).toBe('Mar 3, 2026');
		expect(formatClock('zh-CN', at)).toBe('07:30');
		expect(formatClock('en', at + 15_000, true)).toBe('07:30:15');
		// English keeps its own 12-hour clock (ICU may put a narrow space before AM).
		expect(formatDateTime('en', at)).toMatch(/^Mar 3, 2026, 7:30\s?AM$/u);
	});

	it('shows an exclusive end at 24:00 on 31 December as 31 December, the instant itself as 1 January', () => {
		const end = officeDayStart('2027-01-01');
		expect(formatEndDate('zh-CN', end)).toBe('2026年12月31日');
		expect(formatEndDate('en', end)).toBe('Dec 31, 2026');
		// A period ending during a day ends on that day.
		expect(formatEndDate('en', end + 60_000)).toBe('Jan 1, 2027');
		expect(formatDate('zh-CN', end)).toBe('2027年1月1日');
	});

	it('shows a deadline at 24:00 on 31 December as 31 December 24:00, other ends as they are', () => {
		const end = officeDayStart('2027-01-01');
		expect(formatEndDateTime('zh-CN', end)).toBe('2026年12月31日 24:00');
		expect(formatEndDateTime('en', end)).toBe('Dec 31, 2026 24:00');
		expect(formatEndDateTime('zh-CN', officeInstant('2026-12-31', '17:30'))).toBe(
			'2026年12月31日 17:30'
		);
	});

	it('reads months as 2026年11月 in Chinese and Nov 2026 in English', () => {
		expect(formatMonth('zh-CN', '2026-11')).toBe('2026年11月');
		expect(formatMonth('en', '2026-11')).toBe('Nov 2026');
		expect(formatMonth('en', '2027-01')).toBe('Jan 2027');
	});

	it('shows a calendar day as itself, with or without a time after it', () => {
		expect(formatDay('zh-CN', '2026-02-28')).toBe('2026年2月28日');
		expect(formatDay('en', '2026-02-28T00:00:00')).toBe('Feb 28, 2026');
	});

	it('shows a class session as its office day and clock times', () => {
		const text = formatSessionTime(
			'zh-CN',
			officeInstant('2026-03-03', '09:00'),
			officeInstant('2026-03-03', '11:30')
		);
		expect(text).toBe('2026年3月3日周二 09:00–11:30');
	});
});
