import { describe, expect, it } from 'vitest';
import { resolveChecklist } from '../../../src/lib/server/mentoring/checklist';
import { checkDayInput } from '../../../src/lib/server/mentoring/day-input';
import { assessClearance } from '../../../src/lib/server/onboarding/readiness';
import {
	countOnboardingRate,
	dueDateFor,
	isBehindPace
} from '../../../src/lib/server/onboarding/rules';
import {
	makeWorkingCalendar,
	STATE_COUNCIL_CALENDAR
} from '../../../src/lib/calendar/working-days';

describe('due date', () => {
	it('is the 20th working day from the start: 15 practicum days plus one working week', () => {
		// March 2026 has no holiday: twenty working days are four calendar weeks.
		expect(dueDateFor(STATE_COUNCIL_CALENDAR, '2026-03-02')).toBe('2026-03-27');
		// A Sunday start counts from the Monday; a 调休 Saturday (28 Feb) is a working day itself.
		expect(dueDateFor(STATE_COUNCIL_CALENDAR, '2026-03-01')).toBe('2026-03-27');
		expect(dueDateFor(STATE_COUNCIL_CALENDAR, '2026-02-28')).toBe('2026-03-26');
	});

	it('counts across the Spring Festival: the holiday week is skipped, its 调休 Saturdays count', () => {
		// Mon 9 Feb 2026: 9–14 Feb (Sat 14 worked) are days 1–6, 15–23 Feb are off, Tue 24 Feb
		// is day 7, Sat 28 Feb day 11; the 20th working day is Thu 12 Mar. Counted Monday to
		// Friday it would be Fri 6 Mar, inside the time the holiday took.
		expect(dueDateFor(STATE_COUNCIL_CALENDAR, '2026-02-09')).toBe('2026-03-12');
		// An office closing day of its own moves it on by one more.
		const cal = makeWorkingCalendar([{ day: '2026-03-02', working: false }]);
		expect(dueDateFor(cal, '2026-02-09')).toBe('2026-03-13');
	});
});

describe('behind pace', () => {
	const open = { status: 'open', dueDate: '2026-10-29' };
	it('flags a plan with more days to sign than working days left to its due date', () => {
		// Mon 26 to Thu 29 Oct: four working days.
		expect(isBehindPace(STATE_COUNCIL_CALENDAR, open, 5, '2026-10-26')).toBe(true);
		expect(isBehindPace(STATE_COUNCIL_CALENDAR, open, 4, '2026-10-26')).toBe(false);
	});

	it('does not count the National Day week as time to catch up', () => {
		const due = { status: 'open', dueDate: '2026-10-09' };
		// 1–7 Oct are off: only 8 and 9 Oct are left.
		expect(isBehindPace(STATE_COUNCIL_CALENDAR, due, 3, '2026-10-01')).toBe(true);
		expect(isBehindPace(STATE_COUNCIL_CALENDAR, due, 2, '2026-10-01')).toBe(false);
	});

	it('leaves overdue, cleared and cancelled plans to their own flags', () => {
		expect(isBehindPace(STATE_COUNCIL_CALENDAR, open, 9, '2026-10-30')).toBe(false);
		const cleared = { status: 'cleared', dueDate: '2026-10-29' };
		expect(isBehindPace(STATE_COUNCIL_CALENDAR, cleared, 9, '2026-10-26')).toBe(false);
	});
});

describe('onboarding rate counts', () => {
	it('counts cleared on or before the due date as on time, and leaves cancelled plans out', () => {
		const plan = (status: string, dueDate: string, clearedOn: string | null) => ({
			status,
			dueDate,
			clearedOn
		});
		expect(
			countOnboardingRate(
				[
					plan('cleared', '2026-03-06', '2026-03-06'),
					plan('cleared', '2026-03-06', '2026-03-09'),
					plan('open', '2026-03-01', null),
					plan('open', '2026-03-20', null),
					plan('cancelled', '2026-03-01', null)
				],
				'2026-03-02'
			)
		).toEqual({ total: 4, clearedOnTime: 1, clearedLate: 1, inProgress: 1, overdue: 1 });
	});
});

describe('practicum checklist', () => {
	it('falls back to the built-in list until HR configures the position', () => {
		expect(resolveChecklist('储蓄员', []).map((t) => t.code)).toContain('counterfeit');
		expect(resolveChecklist('客服座席', []).map((t) => t.code)).toContain('call_fraud');
		const rows = [
			{ position: '储蓄员', code: 'task_1', label: '开卡', sortOrder: 1, retired: false },
			{ position: '*', code: 'security_drill', label: '安全保卫', sortOrder: 1, retired: false }
		];
		expect(resolveChecklist('储蓄员', rows).map((t) => t.code)).toEqual([
			'task_1',
			'security_drill'
		]);
		expect(resolveChecklist('理财经理', rows).map((t) => t.code)).toContain('open_account');
		expect(resolveChecklist('理财经理', rows).at(-1)?.code).toBe('security_drill');
	});
});

describe('practicum day input', () => {
	const rules = {
		daysRequired: 15,
		planStart: '2026-02-09',
		today: '2026-03-02',
		notBefore: '2026-02-09',
		taskCodes: new Set(['a']),
		takenDates: new Map<string, number>(),
		calendar: STATE_COUNCIL_CALENDAR
	};
	const input = { dayNumber: 1, workDate: '2026-02-09', tasks: ['a'], hours: 7, observations: '' };
	it('accepts a good day and names every problem of a bad one', () => {
		expect(checkDayInput(input, rules)).toEqual([]);
		const keys = checkDayInput(
			{ ...input, dayNumber: 16, workDate: '2026-03-03', tasks: [], hours: 0 },
			rules
		).map((p) => p.key);
		expect(keys).toEqual([
			'practicum.error.dayOutOfPlan',
			'practicum.error.futureDate',
			'practicum.error.noTasks',
			'practicum.error.hoursNotPositive'
		]);
	});
	it('needs the whole plan to clear: seat hours, every day, and the countersignature', () => {
		const all = Array.from({ length: 15 }, (_, i) => ({
			dayNumber: i + 1,
			countersigned: i === 14
		}));
		const base = {
			seatHoursRequired: 40,
			seatHoursDone: 40,
			practicumDaysRequired: 15,
			days: all,
			examRequired: false,
			examPassed: false
		};
		expect(assessClearance(base).ready).toBe(true);
		expect(assessClearance({ ...base, seatHoursDone: 39.5 }).ready).toBe(false);
		expect(assessClearance({ ...base, days: all.slice(1) }).ready).toBe(false);
	});
	it('also needs the onboarding exam passed when the office has one', () => {
		const all = Array.from({ length: 15 }, (_, i) => ({
			dayNumber: i + 1,
			countersigned: i === 14
		}));
		const base = {
			seatHoursRequired: 40,
			seatHoursDone: 40,
			practicumDaysRequired: 15,
			days: all,
			examRequired: true,
			examPassed: false
		};
		const pending = assessClearance(base);
		expect(pending).toMatchObject({ ready: false, examRequired: true, examPassed: false });
		expect(assessClearance({ ...base, examPassed: true }).ready).toBe(true);
		// Passing without the rest is not enough either.
		expect(assessClearance({ ...base, examPassed: true, seatHoursDone: 20 }).ready).toBe(false);
	});
});
