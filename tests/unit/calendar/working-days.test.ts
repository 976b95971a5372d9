import { describe, expect, it } from 'vitest';
import {
	addWorkingDays,
	countWorkingDays,
	isScheduledYear,
	lastScheduledYear,
	makeWorkingCalendar,
	nextWorkingDay,
	STATE_COUNCIL_CALENDAR as cal,
	stateCouncilDay,
	workingYearShare
} from '../../../src/lib/calendar/working-days';
import { proposeWorkDate } from '../../../src/lib/server/mentoring/day-input';

describe('the State Council working calendar', () => {
	it('works the 2026 调休 weekend days and rests the holiday weeks', () => {
		// 调休: Sun 4 Jan, Sat 14 Feb, Sat 28 Feb, Sat 9 May, Sun 20 Sep, Sat 10 Oct 2026.
		for (const day of ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20']) {
			expect(cal.isWorkingDay(day), day).toBe(true);
		}
		expect(cal.isWorkingDay('2026-10-10')).toBe(true);
		for (let d = 1; d <= 7; d++) expect(cal.isWorkingDay(`2026-10-0${d}`)).toBe(false);
		for (let d = 15; d <= 23; d++) expect(cal.isWorkingDay(`2026-02-${d}`)).toBe(false);
		// An ordinary weekend and an ordinary weekday.
		expect(cal.isWorkingDay('2026-11-07')).toBe(false);
		expect(cal.isWorkingDay('2026-11-09')).toBe(true);
	});

	it('names the holiday a day belongs to, worked or not', () => {
		expect(stateCouncilDay('2026-10-01')).toEqual({ working: false, holiday: '国庆节' });
		expect(stateCouncilDay('2026-10-10')).toEqual({ working: true, holiday: '国庆节' });
		expect(stateCouncilDay('2026-11-09')).toEqual({ working: true, holiday: null });
	});

	it('knows which years its schedule covers: 2026 yes, 2027 not yet', () => {
		expect(isScheduledYear(2026)).toBe(true);
		expect(isScheduledYear(2027)).toBe(false);
		expect(lastScheduledYear()).toBe(2026);
	});

	it('counts working days across the holidays', () => {
		expect(nextWorkingDay(cal, '2026-09-30')).toBe('2026-10-08');
		expect(nextWorkingDay(cal, '2026-10-08')).toBe('2026-10-09');
		expect(nextWorkingDay(cal, '2026-10-09')).toBe('2026-10-10');
		expect(addWorkingDays(cal, '2026-09-28', 4)).toBe('2026-10-08');
		expect(countWorkingDays(cal, '2026-10-01', '2026-10-11')).toBe(3);
		expect(countWorkingDays(cal, '2026-10-02', '2026-10-01')).toBe(0);
	});

	it("lays the office's own days over the State Council's", () => {
		const office = makeWorkingCalendar([
			{ day: '2026-10-09', working: false },
			{ day: '2026-10-11', working: true }
		]);
		expect(office.isWorkingDay('2026-10-09')).toBe(false);
		expect(office.isWorkingDay('2026-10-11')).toBe(true);
		expect(office.isWorkingDay('2026-10-10')).toBe(true);
		expect(nextWorkingDay(office, '2026-10-08')).toBe('2026-10-10');
	});

	it('measures the year by its working days, so the holiday weeks add no pace', () => {
		const before = workingYearShare(cal, '2026-09-30');
		expect(workingYearShare(cal, '2026-10-07')).toBe(before);
		expect(workingYearShare(cal, '2026-12-31')).toBe(1);
		expect(workingYearShare(cal, '2026-07-01')).toBeGreaterThan(0.45);
		expect(workingYearShare(cal, '2026-07-01')).toBeLessThan(0.55);
	});
});

describe("the mentor form's proposed date", () => {
	it('is the next working day after the last signed day', () => {
		expect(proposeWorkDate(cal, '2026-10-12', '2026-09-28', ['2026-09-28', '2026-09-30'])).toBe(
			'2026-10-08'
		);
		// Signed out of order: the latest date counts.
		expect(proposeWorkDate(cal, '2026-10-12', '2026-09-28', ['2026-10-08', '2026-09-30'])).toBe(
			'2026-10-09'
		);
	});

	it('is the first working day of the pairing before anything is signed, and never past today', () => {
		expect(proposeWorkDate(cal, '2026-10-12', '2026-10-01', [])).toBe('2026-10-08');
		expect(proposeWorkDate(cal, '2026-10-09', '2026-09-28', ['2026-10-09'])).toBe('2026-10-09');
	});
});
