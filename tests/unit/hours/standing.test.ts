import { describe, expect, it } from 'vitest';
import { computeStanding, emptyHours } from '../../../src/lib/server/hours/standing';
import { parseYear, summarizeBranches, yearOptions } from '../../../src/lib/server/hours/summary';

const required = { remote: 40, centralized: 60 };

describe('standing', () => {
	it('owes the whole requirement with no hours', () => {
		const s = computeStanding(emptyHours(), required, 0.5);
		expect(s.remaining).toEqual({ remote: 40, centralized: 60 });
		expect(s.behindPace).toBe(true);
		expect(s.complete).toBe(false);
	});

	it('is on pace with the elapsed share of each requirement', () => {
		const s = computeStanding({ ...emptyHours(), remote: 20, centralized: 30 }, required, 0.5);
		expect(s.behindPace).toBe(false);
		expect(s.remaining).toEqual({ remote: 20, centralized: 30 });
	});

	it('is behind when either kind lags', () => {
		const s = computeStanding({ ...emptyHours(), remote: 40, centralized: 29.5 }, required, 0.5);
		expect(s.behindPace).toBe(true);
	});

	it('never owes negative hours and completes at the requirement', () => {
		const s = computeStanding({ ...emptyHours(), remote: 45, centralized: 60 }, required, 1);
		expect(s.remaining).toEqual({ remote: 0, centralized: 0 });
		expect(s.complete).toBe(true);
	});

	it('does not count self-study or onboarding hours towards remote or centralized', () => {
		const s = computeStanding({ ...emptyHours(), self_study: 80, onboarding: 40 }, required, 0.1);
		expect(s.remaining).toEqual(required);
		expect(s.behindPace).toBe(true);
	});
});

describe('year choice', () => {
	it('takes a valid past year and falls back to this year otherwise', () => {
		expect(parseYear('2025', 2026)).toBe(2025);
		expect(parseYear(null, 2026)).toBe(2026);
		expect(parseYear('2027', 2026)).toBe(2026);
		expect(parseYear('1999', 2026)).toBe(2026);
		expect(parseYear('20x5', 2026)).toBe(2026);
	});

	it('offers this year and the four before it, newest first', () => {
		expect(yearOptions(2026)).toEqual([2026, 2025, 2024, 2023, 2022]);
	});
});

describe('branch summary', () => {
	const row = (branchCode: string, remote: number, centralized: number, elapsed = 0.5) => ({
		branchCode,
		branchName: `支局${branchCode}`,
		standing: computeStanding({ ...emptyHours(), remote, centralized }, required, elapsed)
	});

	it('counts people, who is complete and behind, and averages hours per branch', () => {
		const summary = summarizeBranches([
			row('A', 40, 60),
			row('A', 10, 30),
			row('A', 25, 30),
			row('B', 20, 35)
		]);
		expect(summary).toEqual([
			{
				branchCode: 'A',
				branchName: '支局A',
				staff: 3,
				complete: 1,
				behindPace: 1,
				averageRemote: 25,
				averageCentralized: 40
			},
			{
				branchCode: 'B',
				branchName: '支局B',
				staff: 1,
				complete: 0,
				behindPace: 0,
				averageRemote: 20,
				averageCentralized: 35
			}
		]);
	});
});

describe('people hired during the year', () => {
	const none = { remote: 0, centralized: 0, self_study: 0, onboarding: 0 };

	it('owe only the share of the year they are on staff, rounded up to half hours', () => {
		// Hired with three quarters of the year gone: a quarter of 40 and 60.
		const s = computeStanding(none, { remote: 40, centralized: 60 }, 0.75, 0.75);
		expect(s.required).toEqual({ remote: 10, centralized: 15 });
		expect(s.behindPace).toBe(false);
		const odd = computeStanding(none, { remote: 40, centralized: 60 }, 0.9, 1 / 3);
		expect(odd.required).toEqual({ remote: 27, centralized: 40 });
	});

	it('count their pace from the hire date', () => {
		const hiredMidYear = computeStanding(
			{ ...none, remote: 10, centralized: 15 },
			{ remote: 40, centralized: 60 },
			0.75,
			0.5
		);
		// Half of their 20/30 h is due halfway through their part of the year.
		expect(hiredMidYear.behindPace).toBe(false);
		const slower = computeStanding(
			{ ...none, remote: 4 },
			{ remote: 40, centralized: 60 },
			0.75,
			0.5
		);
		expect(slower.behindPace).toBe(true);
	});
});
