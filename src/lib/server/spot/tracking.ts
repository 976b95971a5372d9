/**
 * Campaign tallies: honest denominators. Pass rate = passed ÷ sat; participation =
 * sat ÷ (drawn − exempt). Every rate carries its counts and is null when nobody is in the
 * denominator, so a branch where nobody has sat shows "—", never 0% or NaN.
 * Pure: the service gathers the rows. Where each person stands is standing.ts's rule; this
 * only counts it.
 */
import { rate, type Rate } from '../../reports/rate';
import { outcomeOf, type TrackedPerson } from './standing';

export interface Tally {
	drawn: number;
	sat: number;
	passed: number;
	failed: number;
	firstTryPassed: number;
	absent: number;
	exempt: number;
	/** Drawn, not exempt, not absent, not yet sat. */
	pending: number;
	passRate: Rate;
	firstTryRate: Rate;
	participation: Rate;
}

/** What a tally is made of; the rates follow from these counts alone. */
export type TallyCounts = Pick<
	Tally,
	'drawn' | 'sat' | 'passed' | 'absent' | 'exempt' | 'firstTryPassed'
>;

/** A tally from counts gathered elsewhere (the reports count in SQL, off the request thread). */
export function tallyOf(c: TallyCounts): Tally {
	// Field by field, not `...c`: callers pass wider rows, and spreading those is slow.
	return {
		drawn: c.drawn,
		sat: c.sat,
		passed: c.passed,
		absent: c.absent,
		exempt: c.exempt,
		firstTryPassed: c.firstTryPassed,
		failed: c.sat - c.passed,
		pending: c.drawn - c.exempt - c.absent - c.sat,
		passRate: rate(c.passed, c.sat),
		firstTryRate: rate(c.firstTryPassed, c.sat),
		participation: rate(c.sat, c.drawn - c.exempt)
	};
}

/** Tallies a group of tracked people (drawn, plus alternates who replaced someone). */
export function tally(people: readonly TrackedPerson[]): Tally {
	let sat = 0;
	let passed = 0;
	let firstTryPassed = 0;
	let absent = 0;
	let exempt = 0;
	for (const p of people) {
		const o = outcomeOf(p);
		if (o.status === 'exempt') exempt++;
		else if (o.status === 'absent') absent++;
		if (o.sat) sat++;
		if (o.passed) passed++;
		if (o.passedFirstTry) firstTryPassed++;
	}
	return tallyOf({ drawn: people.length, sat, passed, absent, exempt, firstTryPassed });
}

/** Tallies per branch (in the order given) plus the office total. */
export function tallyByBranch(
	people: readonly TrackedPerson[],
	branchIds: readonly number[]
): { branches: { branchId: number; tally: Tally }[]; total: Tally } {
	return {
		branches: branchIds.map((branchId) => ({
			branchId,
			tally: tally(people.filter((p) => p.branchId === branchId))
		})),
		total: tally(people)
	};
}
