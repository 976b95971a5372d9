import { describe, expect, it } from 'vitest';
import {
	canSave,
	computeDeadline,
	isOverdue,
	remainingMs,
	SAVE_REFUSAL
} from '../../../src/lib/server/exams/clock-rules';
import { FakeClock } from '../../../src/lib/server/clock';

const START = Date.parse('2026-03-02T01:00:00.000Z'); // 09:00 in the office
const MIN = 60_000;

describe('computeDeadline', () => {
	it('is start plus the time limit plus any extra time', () => {
		const base = { startedAt: START, timeLimitMs: 60 * MIN, windowClosesAt: null, extraTimeMs: 0 };
		expect(computeDeadline(base)).toBe(Date.parse('2026-03-02T02:00:00.000Z'));
		expect(computeDeadline({ ...base, extraTimeMs: 15 * MIN })).toBe(
			Date.parse('2026-03-02T02:15:00.000Z')
		);
	});

	it('stops at the window close, which extra time does not move unless the grant says so', () => {
		const close = Date.parse('2026-03-02T01:40:00.000Z');
		const base = {
			startedAt: START,
			timeLimitMs: 60 * MIN,
			windowClosesAt: close,
			extraTimeMs: 30 * MIN
		};
		expect(computeDeadline(base)).toBe(close);
		expect(computeDeadline({ ...base, extraTimeExtendsWindow: true })).toBe(
			Date.parse('2026-03-02T02:10:00.000Z')
		);
		// The personal limit is still the cap when it comes first.
		expect(computeDeadline({ ...base, extraTimeMs: 0, windowClosesAt: close + 60 * MIN })).toBe(
			Date.parse('2026-03-02T02:00:00.000Z')
		);
	});

	it('uses the window alone for untimed exams, and gives null when nothing limits the attempt', () => {
		const close = Date.parse('2026-03-31T15:59:59.000Z');
		expect(
			computeDeadline({
				startedAt: START,
				timeLimitMs: null,
				windowClosesAt: close,
				extraTimeMs: MIN
			})
		).toBe(close);
		expect(
			computeDeadline({
				startedAt: START,
				timeLimitMs: null,
				windowClosesAt: null,
				extraTimeMs: MIN
			})
		).toBeNull();
	});

	it('moves when extra time is granted during the attempt', () => {
		const input = { startedAt: START, timeLimitMs: 30 * MIN, windowClosesAt: null, extraTimeMs: 0 };
		const before = computeDeadline(input)!;
		expect(computeDeadline({ ...input, extraTimeMs: 10 * MIN })).toBe(before + 10 * MIN);
	});

	it('refuses negative or non-finite times', () => {
		const base = { startedAt: START, timeLimitMs: MIN, windowClosesAt: null, extraTimeMs: 0 };
		expect(() => computeDeadline({ ...base, extraTimeMs: -1 })).toThrow(RangeError);
		expect(() => computeDeadline({ ...base, timeLimitMs: -1 })).toThrow(RangeError);
		expect(() => computeDeadline({ ...base, startedAt: NaN })).toThrow(RangeError);
	});
});

describe('canSave and isOverdue', () => {
	const deadline = START + 30 * MIN;

	it('takes saves up to and including deadline plus the default 60 s grace', () => {
		const clock = new FakeClock(deadline);
		expect(canSave({ now: clock.now(), deadline, status: 'in_progress' })).toBe('ok');
		clock.advance(60_000);
		expect(canSave({ now: clock.now(), deadline, status: 'in_progress' })).toBe('ok');
		expect(isOverdue({ now: clock.now(), deadline })).toBe(false);
		clock.advance(1);
		expect(canSave({ now: clock.now(), deadline, status: 'in_progress' })).toBe('deadline-passed');
		expect(isOverdue({ now: clock.now(), deadline })).toBe(true);
	});

	it('honours a custom grace, including none', () => {
		expect(canSave({ now: deadline + 1, deadline, graceMs: 0, status: 'in_progress' })).toBe(
			'deadline-passed'
		);
		expect(
			canSave({ now: deadline + 90_000, deadline, graceMs: 120_000, status: 'in_progress' })
		).toBe('ok');
		expect(isOverdue({ now: deadline + 1, deadline, graceMs: 0 })).toBe(true);
	});

	it('refuses any save once submitted, even before the deadline', () => {
		expect(canSave({ now: START, deadline, status: 'submitted' })).toBe('already-submitted');
		expect(canSave({ now: START, deadline: null, status: 'submitted' })).toBe('already-submitted');
	});

	it('never expires an attempt without a deadline', () => {
		expect(canSave({ now: START + 1e12, deadline: null, status: 'in_progress' })).toBe('ok');
		expect(isOverdue({ now: START + 1e12, deadline: null })).toBe(false);
	});

	it('names a message for each refusal and counts down without going negative', () => {
		expect(SAVE_REFUSAL['deadline-passed']).toBe('exams.error.deadlinePassed');
		expect(SAVE_REFUSAL['already-submitted']).toBe('exams.error.alreadySubmitted');
		expect(remainingMs(deadline - 5_000, deadline)).toBe(5_000);
		expect(remainingMs(deadline + 5_000, deadline)).toBe(0);
		expect(remainingMs(deadline, null)).toBeNull();
	});
});
