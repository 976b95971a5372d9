import { describe, expect, it } from 'vitest';
import {
	lastOfficeDayBefore,
	OFFICE_TIME_ZONE,
	OFFICE_UTC_OFFSET_ISO,
	officeDay,
	officeDayStart,
	officeInstant,
	officeMonth,
	parseOfficeInput,
	toOfficeInput
} from '../../../src/lib/time/office';

const HOUR = 3_600_000;

describe('office clock', () => {
	it('puts 07:30 Beijing time on that Beijing day, though UTC is still on the day before', () => {
		const at = Date.parse('2026-03-02T23:30:00Z');
		expect(officeDay(at)).toBe('2026-03-03');
		expect(officeInstant('2026-03-03', '07:30')).toBe(at);
	});

	it('turns the month at Beijing midnight, not UTC midnight', () => {
		const midnight = Date.parse('2026-10-31T16:00:00Z');
		expect(officeMonth(midnight - 1)).toBe('2026-10');
		expect(officeMonth(midnight)).toBe('2026-11');
		expect(officeDayStart('2026-11-01')).toBe(midnight);
	});

	it('agrees with the tz database for Asia/Shanghai on every day from 1992 to 2040', () => {
		// The fixed offset is exact only because China has had no daylight saving since 1991.
		const tz = new Intl.DateTimeFormat('en-CA', {
			timeZone: OFFICE_TIME_ZONE,
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			hourCycle: 'h23'
		});
		const wall = (ms: number): string => tz.format(ms).replace(', ', 'T');
		for (let ms = Date.UTC(1992, 0, 1); ms < Date.UTC(2041, 0, 1); ms += 24 * HOUR + 7 * HOUR) {
			expect(toOfficeInput(ms)).toBe(wall(ms));
			expect(officeDay(ms)).toBe(wall(ms).slice(0, 10));
		}
	});

	it('takes the last day an exclusive end covers: midnight starting 1 January ends 31 December', () => {
		expect(lastOfficeDayBefore(officeDayStart('2027-01-01'))).toBe('2026-12-31');
		expect(lastOfficeDayBefore(officeInstant('2026-12-31', '18:00'))).toBe('2026-12-31');
	});

	it('reads and writes datetime-local values on the office clock, refusing other shapes', () => {
		const at = parseOfficeInput('2026-11-01T09:00');
		expect(at).toBe(Date.parse('2026-11-01T01:00:00Z'));
		expect(toOfficeInput(at)).toBe('2026-11-01T09:00');
		expect(parseOfficeInput('2026-11-01 09:00')).toBeNaN();
		expect(parseOfficeInput('2026-11-01T09:00:00')).toBeNaN();
		expect(parseOfficeInput('')).toBeNaN();
	});

	it('refuses days and clock times that do not exist', () => {
		expect(officeInstant('2026-02-29', '09:00')).toBeNaN();
		expect(officeInstant('2026-03-03', '24:00')).toBeNaN();
		expect(officeInstant('2026-03-03', '9:00')).toBeNaN();
	});

	it('spells its offset as ISO 8601 does', () => {
		expect(OFFICE_UTC_OFFSET_ISO).toBe('+08:00');
	});
});
