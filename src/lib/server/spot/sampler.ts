/**
 * The spot-exam sampler (抽考抽样): stratified by branch, uniform within a branch, reproducible
 * from the RNG. Pure: no database, no clock.
 */
import type { Rng } from '../rng';

export interface Candidate {
	staffId: number;
	branchId: number;
	/** 'YYYY-MM' of the last spot exam this person sat, if any. */
	lastSpotMonth?: string | null;
}

export interface SampleSpec {
	mode: 'percent' | 'count';
	value: number;
	/** Leave out people examined in the `excludeMonths` months before `month` (0 = nobody). */
	excludeMonths: number;
	month: string;
	alternatesPerBranch: number;
}

export interface Pick {
	staffId: number;
	branchId: number;
	role: 'drawn' | 'alternate';
	/** 1-based order within the branch and role; alternates are called up in this order. */
	rank: number;
}

/** Why a sample cannot be drawn; the service turns it into a translated message. */
export class SampleError extends Error {
	constructor(
		readonly code: 'emptyPopulation' | 'branchTooSmall' | 'badSpec',
		readonly shortBranches: { branchId: number; eligible: number; asked: number }[] = []
	) {
		super(`sample: ${code}`);
	}
}

/** Months between two 'YYYY-MM' values, b − a. */
export function monthsBetween(a: string, b: string): number {
	const [ya, ma] = a.split('-').map(Number) as [number, number];
	const [yb, mb] = b.split('-').map(Number) as [number, number];
	return (yb - ya) * 12 + (mb - ma);
}

/** Whether someone last examined in `last` is still inside the exclusion window for `month`. */
export function isRecentlyExamined(last: string | null | undefined, spec: SampleSpec): boolean {
	if (!last || spec.excludeMonths <= 0) return false;
	const gap = monthsBetween(last, spec.month);
	return gap >= 0 && gap <= spec.excludeMonths;
}

/** How many to draw from a branch with `n` eligible people. */
export function branchQuota(n: number, spec: SampleSpec): number {
	if (n === 0) return 0;
	if (spec.mode === 'count') return spec.value;
	// At least one per branch that has anyone eligible, as the office's rule says.
	return Math.max(1, Math.ceil((n * spec.value) / 100));
}

export function isValidSpec(spec: SampleSpec): boolean {
	const whole = (v: number, min: number, max: number): boolean =>
		Number.isInteger(v) && v >= min && v <= max;
	return (
		(spec.mode === 'percent' ? whole(spec.value, 1, 100) : whole(spec.value, 1, 10_000)) &&
		whole(spec.excludeMonths, 0, 24) &&
		whole(spec.alternatesPerBranch, 0, 100) &&
		/^\d{4}-(0[1-9]|1[0-2])$/.test(spec.month)
	);
}

/** The first k of a partial Fisher–Yates shuffle: every k-subset equally likely. */
function firstK<T>(items: T[], k: number, rng: Rng): T[] {
	const out = items.slice();
	for (let i = 0; i < k && i < out.length; i++) {
		const j = i + rng.int(out.length - i);
		[out[i], out[j]] = [out[j] as T, out[i] as T];
	}
	return out;
}

/**
 * Draws the sample and alternates branch by branch. Throws SampleError naming every branch that
 * has fewer eligible people than a count asks for: nothing is drawn in that case.
 */
export function drawSample(population: readonly Candidate[], spec: SampleSpec, rng: Rng): Pick[] {
	if (!isValidSpec(spec)) throw new SampleError('badSpec');
	const eligible = population
		.filter((c) => !isRecentlyExamined(c.lastSpotMonth, spec))
		// Input order must not matter: the same seed and people give the same sample.
		.slice()
		.sort((a, b) => a.staffId - b.staffId);
	if (eligible.length === 0) throw new SampleError('emptyPopulation');
	const byBranch = new Map<number, Candidate[]>();
	for (const c of eligible) {
		const list = byBranch.get(c.branchId) ?? [];
		list.push(c);
		byBranch.set(c.branchId, list);
	}
	const branches = [...byBranch.keys()].sort((a, b) => a - b);
	const short = branches
		.map((branchId) => {
			const n = byBranch.get(branchId)!.length;
			return { branchId, eligible: n, asked: branchQuota(n, spec) };
		})
		.filter((b) => b.asked > b.eligible);
	if (short.length > 0) throw new SampleError('branchTooSmall', short);
	const picks: Pick[] = [];
	for (const branchId of branches) {
		const people = byBranch.get(branchId)!;
		const quota = branchQuota(people.length, spec);
		const extra = Math.min(spec.alternatesPerBranch, people.length - quota);
		const order = firstK(people, quota + extra, rng);
		order.slice(0, quota).forEach((c, i) => {
			picks.push({ staffId: c.staffId, branchId, role: 'drawn', rank: i + 1 });
		});
		order.slice(quota, quota + extra).forEach((c, i) => {
			picks.push({ staffId: c.staffId, branchId, role: 'alternate', rank: i + 1 });
		});
	}
	return picks;
}
