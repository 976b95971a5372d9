import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/lib/server/rng';
import {
	drawSample,
	SampleError,
	type Candidate,
	type SampleSpec
} from '../../../src/lib/server/spot/sampler';

const spec = (over: Partial<SampleSpec> = {}): SampleSpec => ({
	mode: 'percent',
	value: 20,
	excludeMonths: 0,
	month: '2026-03',
	alternatesPerBranch: 0,
	...over
});

/** Branch 1 has 10 people (ids 1–10), branch 2 has 3 (11–13), branch 3 has 1 (14). */
const people: Candidate[] = [
	...Array.from({ length: 10 }, (_, i) => ({ staffId: i + 1, branchId: 1 })),
	...Array.from({ length: 3 }, (_, i) => ({ staffId: i + 11, branchId: 2 })),
	{ staffId: 14, branchId: 3 }
];

const drawnIn = (picks: Awaited<ReturnType<typeof drawSample>>, branchId: number): number =>
	picks.filter((p) => p.branchId === branchId && p.role === 'drawn').length;

describe('drawSample', () => {
	it('draws ceil(n × p) per branch and at least one from every branch with anyone eligible', () => {
		const picks = drawSample(people, spec(), createRng('a'));
		expect(drawnIn(picks, 1)).toBe(2);
		expect(drawnIn(picks, 2)).toBe(1);
		expect(drawnIn(picks, 3)).toBe(1);
	});

	it('draws a fixed number per branch and names every branch that is too small', () => {
		expect(
			drawnIn(drawSample(people.slice(0, 13), spec({ mode: 'count', value: 3 }), createRng('x')), 2)
		).toBe(3);
		try {
			drawSample(people, spec({ mode: 'count', value: 4 }), createRng('x'));
			expect.unreachable();
		} catch (e) {
			expect(e).toBeInstanceOf(SampleError);
			expect((e as SampleError).shortBranches).toEqual([
				{ branchId: 2, eligible: 3, asked: 4 },
				{ branchId: 3, eligible: 1, asked: 4 }
			]);
		}
	});

	it('leaves out people examined within the exclusion window', () => {
		const pop = people.map((c) =>
			c.staffId <= 8 ? { ...c, lastSpotMonth: c.staffId <= 4 ? '2026-02' : '2025-11' } : c
		);
		const picks = drawSample(pop, spec({ excludeMonths: 2, value: 100 }), createRng('e'));
		const ids = picks
			.filter((p) => p.branchId === 1)
			.map((p) => p.staffId)
			.sort((a, b) => a - b);
		expect(ids).toEqual([5, 6, 7, 8, 9, 10]);
	});

	it('draws alternates from the people not drawn, ranked, capped by who is left', () => {
		const picks = drawSample(people, spec({ alternatesPerBranch: 2 }), createRng('alt'));
		const b1 = picks.filter((p) => p.branchId === 1);
		const alternates = b1.filter((p) => p.role === 'alternate');
		expect(alternates.map((p) => p.rank)).toEqual([1, 2]);
		expect(new Set(b1.map((p) => p.staffId)).size).toBe(4);
		expect(picks.filter((p) => p.branchId === 3 && p.role === 'alternate')).toHaveLength(0);
		expect(picks.filter((p) => p.branchId === 2 && p.role === 'alternate')).toHaveLength(2);
	});

	it('gives the same sample for the same seed whatever the input order', () => {
		const a = drawSample(people, spec({ alternatesPerBranch: 1 }), createRng('seed-1'));
		const b = drawSample(
			people.slice().reverse(),
			spec({ alternatesPerBranch: 1 }),
			createRng('seed-1')
		);
		expect(b).toEqual(a);
	});

	it('refuses an empty population, and one emptied by the exclusion window', () => {
		expect(() => drawSample([], spec(), createRng('z'))).toThrow(SampleError);
		const recent = people.map((c) => ({ ...c, lastSpotMonth: '2026-03' }));
		expect(() => drawSample(recent, spec({ excludeMonths: 1 }), createRng('z'))).toThrow(
			'emptyPopulation'
		);
	});

	it('gives every eligible person a near-equal chance over a fixed list of seeds', () => {
		// 20 people in one branch, 30% → 6 drawn; over 3000 seeds each is expected 900 times.
		const pop = Array.from({ length: 20 }, (_, i) => ({ staffId: i + 1, branchId: 1 }));
		const runs = 3000;
		const counts = new Map<number, number>();
		for (let s = 0; s < runs; s++) {
			for (const p of drawSample(pop, spec({ value: 30 }), createRng(`fair-${s}`))) {
				counts.set(p.staffId, (counts.get(p.staffId) ?? 0) + 1);
			}
		}
		const expected = runs * 0.3;
		const sd = Math.sqrt(runs * 0.3 * 0.7);
		let chi = 0;
		for (const c of pop) {
			const n = counts.get(c.staffId) ?? 0;
			expect(Math.abs(n - expected)).toBeLessThan(4 * sd);
			chi += (n - expected) ** 2 / expected;
		}
		// χ² with 19 degrees of freedom: 43.8 is the 0.1% critical value.
		expect(chi).toBeLessThan(43.8);
	});
});
