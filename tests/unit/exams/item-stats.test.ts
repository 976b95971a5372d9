import { describe, expect, it } from 'vitest';
import {
	computeItemStats,
	kr20,
	type ItemResponse,
	type ScoredAttempt
} from '../../../src/lib/server/exams/item-stats';
import type { Answer } from '../../../src/lib/server/exams/types';

/** One attempt showing question 1 (version 11), worth 10 points, and nothing else we track. */
function sat(
	attemptId: number,
	total: number,
	correct: boolean,
	answer: Answer | null = correct ? { choice: 'A' } : { choice: 'B' }
): ScoredAttempt {
	const response: ItemResponse = {
		questionId: 1,
		versionId: 11,
		correct,
		score: correct ? 10 : 0,
		answer
	};
	return { attemptId, total, responses: [response] };
}

const tens = (correctIds: number[]): ScoredAttempt[] =>
	Array.from({ length: 10 }, (_, i) => sat(i + 1, (i + 1) * 10, correctIds.includes(i + 1)));

describe('item statistics against a hand-computed example', () => {
	/*
	 * attempt  total  correct  item score  rest = total − item  answer
	 *    1       30      0         0              30             B
	 *    2       50      1        10              40             A
	 *    3       50      0         0              50             (blank)
	 *    4       70      1        10              60             A
	 *    5       90      1        10              80             A
	 *
	 * n = 5, p = 3/5 = 0.6.
	 * D: g = round(0.27 × 5) = round(1.35) = 1. Ascending by (total, id): 1, 2, 3, 4, 5.
	 *    lower = {1} → 0/1 correct, upper = {5} → 1/1 correct, D = 1 − 0 = 1.
	 * r_pb on x = [0,1,0,1,1] and rest y = [30,40,50,60,80]:
	 *    x̄ = 0.6, ȳ = 260 / 5 = 52
	 *    dx = [−0.6, 0.4, −0.6, 0.4, 0.4], dy = [−22, −12, −2, 8, 28]
	 *    Σdxdy = 13.2 − 4.8 + 1.2 + 3.2 + 11.2 = 24
	 *    Σdx² = 3 × 0.16 + 2 × 0.36 = 1.2,  Σdy² = 484 + 144 + 4 + 64 + 784 = 1480
	 *    r = 24 / √(1.2 × 1480) = 24 / √1776 ≈ 0.5695
	 * Options: A 3, B 1, blank 1. n < 10, so the only flag is "low n".
	 */
	const attempts = [
		sat(1, 30, false),
		sat(2, 50, true),
		sat(3, 50, false, null),
		sat(4, 70, true),
		sat(5, 90, true)
	];

	it('gives n, facility, discrimination, rest-score r_pb and option counts', () => {
		const s = computeItemStats(attempts).byVersion.get(11)!;
		expect(s.n).toBe(5);
		expect(s.p).toBeCloseTo(0.6, 12);
		expect(s.d).toBe(1);
		expect(s.rpb).toBeCloseTo(24 / Math.sqrt(1776), 12);
		expect(s.rpb).toBeCloseTo(0.5695, 4);
		expect(s.optionCounts).toEqual({ A: 3, B: 1 });
		expect(s.blank).toBe(1);
		expect(s.flags).toEqual(['lowN']);
	});

	it('pools a question over its versions', () => {
		const v2: ScoredAttempt = {
			attemptId: 6,
			total: 20,
			responses: [{ questionId: 1, versionId: 12, correct: false, score: 0, answer: null }]
		};
		const report = computeItemStats([...attempts, v2]);
		expect(report.byVersion.get(12)!.n).toBe(1);
		expect(report.byQuestion.get(1)!.n).toBe(6);
		expect(report.byQuestion.get(1)!.p).toBeCloseTo(0.5, 12);
	});
});

describe('ties and flags', () => {
	it('breaks ties in total score by attempt id, the lowest id ranking lowest', () => {
		// Four totals of 50: g = round(1.08) = 1, lower = {1} (right), upper = {4} (wrong) → D = −1.
		const s = computeItemStats([
			sat(1, 50, true),
			sat(2, 50, false),
			sat(3, 50, false),
			sat(4, 50, false)
		]).byVersion.get(11)!;
		expect(s.d).toBe(-1);
	});

	it('flags an item everyone gets right as too easy, with r_pb null rather than NaN', () => {
		const s = computeItemStats(tens([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).byVersion.get(11)!;
		expect(s.p).toBe(1);
		expect(s.d).toBe(0);
		expect(s.rpb).toBeNull();
		expect(s.flags).toEqual(['tooEasy']);
	});

	it('flags an item only the weakest gets right as too hard and negatively discriminating', () => {
		// Totals 10…100, only attempt 1 right. g = round(2.7) = 3: lower {1,2,3} 1/3, upper 0/3.
		const s = computeItemStats(tens([1])).byVersion.get(11)!;
		expect(s.p).toBeCloseTo(0.1, 12);
		expect(s.d).toBeCloseTo(-1 / 3, 12);
		expect(s.rpb).toBeLessThan(0);
		expect(s.flags).toEqual(['tooHard', 'negative']);
	});

	it('leaves a middling, positively discriminating item unflagged', () => {
		const s = computeItemStats(tens([5, 6, 7, 8, 9, 10])).byVersion.get(11)!;
		expect(s.p).toBeCloseTo(0.6, 12);
		expect(s.d).toBe(1);
		expect(s.flags).toEqual([]);
	});

	it('counts every chosen key of a multiple-choice answer, and true/false as true/false', () => {
		const multi: ItemResponse = {
			questionId: 2,
			versionId: 21,
			correct: true,
			score: 10,
			answer: { choices: ['A', 'C'] }
		};
		const tf: ItemResponse = {
			questionId: 3,
			versionId: 31,
			correct: false,
			score: 0,
			answer: { value: false }
		};
		const report = computeItemStats([{ attemptId: 1, total: 10, responses: [multi, tf] }]);
		expect(report.byVersion.get(21)!.optionCounts).toEqual({ A: 1, C: 1 });
		expect(report.byVersion.get(31)!.optionCounts).toEqual({ false: 1 });
	});
});

describe('edge cases', () => {
	it('gives null r_pb, not NaN, when everyone has the same score', () => {
		const same = [sat(1, 50, false), sat(2, 50, false), sat(3, 50, false)];
		const s = computeItemStats(same).byVersion.get(11)!;
		expect(s.rpb).toBeNull();
		expect(s.d).toBe(0);
	});

	it('gives null r_pb when the rest scores are all equal, even though correctness varies', () => {
		// Right answers total 60, wrong 50: the rest score is 50 for everyone.
		const s = computeItemStats([
			sat(1, 60, true),
			sat(2, 50, false),
			sat(3, 60, true)
		]).byVersion.get(11)!;
		expect(s.rpb).toBeNull();
	});

	it('returns nothing for no attempts, and nulls for a single one', () => {
		const empty = computeItemStats([]);
		expect(empty.byVersion.size).toBe(0);
		expect(empty.byQuestion.size).toBe(0);
		expect(kr20([])).toBeNull();
		const one = computeItemStats([sat(1, 50, true)]).byVersion.get(11)!;
		expect(one).toMatchObject({ n: 1, p: 1, d: null, rpb: null, flags: ['lowN'] });
	});
});

describe('KR-20', () => {
	const paper = (attemptId: number, marks: number[]): ScoredAttempt => ({
		attemptId,
		total: marks.reduce((a, b) => a + b, 0),
		responses: marks.map((m, i) => ({
			questionId: i + 1,
			versionId: i + 1,
			correct: m === 1,
			score: m,
			answer: null
		}))
	});

	it('matches a hand computation when everyone sat the same items', () => {
		/*
		 * Marks 111, 110, 100, 000 → totals 3, 2, 1, 0 (mean 1.5, variance 5/4 = 1.25).
		 * p = 0.75, 0.5, 0.25 → Σpq = 0.1875 + 0.25 + 0.1875 = 0.625.
		 * KR-20 = 3/2 × (1 − 0.625 / 1.25) = 0.75.
		 */
		const set = [
			paper(1, [1, 1, 1]),
			paper(2, [1, 1, 0]),
			paper(3, [1, 0, 0]),
			paper(4, [0, 0, 0])
		];
		expect(kr20(set)).toBeCloseTo(0.75, 12);
	});

	it('is null when the papers differ', () => {
		const other: ScoredAttempt = { ...paper(2, [1, 0, 0]), responses: [] };
		expect(kr20([paper(1, [1, 1, 0]), other])).toBeNull();
	});
});
