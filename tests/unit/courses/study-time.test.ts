import { describe, expect, it } from 'vitest';
import {
	accrue,
	HEARTBEAT_MS,
	MAX_BEAT_GAP_MS,
	remainingMs,
	requiredStudyMs,
	type StudyState
} from '../../../src/lib/courses/study-time';

const fresh: StudyState = { spentMs: 0, lastBeatAt: null };

describe('requiredStudyMs', () => {
	it('takes the lesson’s own minimum when it has one', () => {
		expect(requiredStudyMs({ classHours: 2, minMinutes: 10 }, 50)).toBe(600_000);
		expect(requiredStudyMs({ classHours: 2, minMinutes: 0 }, 50)).toBe(0);
	});

	it('else the office’s share of its class hours, an hour being 60 minutes', () => {
		expect(requiredStudyMs({ classHours: 1, minMinutes: null }, 50)).toBe(30 * 60_000);
		expect(requiredStudyMs({ classHours: 1.5, minMinutes: null }, 100)).toBe(90 * 60_000);
		expect(requiredStudyMs({ classHours: 3, minMinutes: null }, 0)).toBe(0);
	});
});

describe('accrue', () => {
	it('adds nothing for the first heartbeat or a start, and remembers when it came', () => {
		expect(accrue(fresh, 1000, 'beat')).toEqual({ spentMs: 0, lastBeatAt: 1000 });
		expect(accrue({ spentMs: 500, lastBeatAt: 0 }, 10_000, 'start')).toEqual({
			spentMs: 500,
			lastBeatAt: 10_000
		});
	});

	it('adds the wall time since the previous heartbeat', () => {
		const a = accrue(fresh, 0, 'start');
		const b = accrue(a, HEARTBEAT_MS, 'beat');
		const c = accrue(b, HEARTBEAT_MS + 17_000, 'beat');
		expect(c).toEqual({ spentMs: HEARTBEAT_MS + 17_000, lastBeatAt: HEARTBEAT_MS + 17_000 });
	});

	it('adds up to the gap cap, and nothing for a longer gap', () => {
		const start = accrue(fresh, 0, 'start');
		expect(accrue(start, MAX_BEAT_GAP_MS, 'beat').spentMs).toBe(MAX_BEAT_GAP_MS);
		expect(accrue(start, MAX_BEAT_GAP_MS + 1, 'beat')).toEqual({
			spentMs: 0,
			lastBeatAt: MAX_BEAT_GAP_MS + 1
		});
	});

	it('never exceeds the wall time however many heartbeats arrive', () => {
		let state = accrue(fresh, 0, 'start');
		for (let i = 1; i <= 10_000; i++) state = accrue(state, i * 3, 'beat');
		expect(state.spentMs).toBe(30_000);
	});

	it('ignores a heartbeat dated before the last one counted', () => {
		const state = { spentMs: 5000, lastBeatAt: 20_000 };
		expect(accrue(state, 10_000, 'beat')).toBe(state);
	});
});

describe('remainingMs', () => {
	it('is what is left, never below zero', () => {
		expect(remainingMs(10, 25)).toBe(15);
		expect(remainingMs(30, 25)).toBe(0);
	});
});
