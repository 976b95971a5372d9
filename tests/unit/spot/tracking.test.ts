import { describe, expect, it } from 'vitest';
import { personStatus, type TrackedPerson } from '../../../src/lib/server/spot/standing';
import { tally, tallyByBranch } from '../../../src/lib/server/spot/tracking';

const p = (
	branchId: number,
	results: boolean[],
	over: Partial<TrackedPerson> = {}
): TrackedPerson => ({
	branchId,
	exempt: false,
	absent: false,
	results,
	...over
});

// Branch 1: 6 tracked (one an alternate standing in for the exempt person).
// pass first try ×2, fail then pass ×1, fail twice ×1, absent ×1, exempt ×1.
// Branch 2: 2 drawn, one absent, one not yet sat: nobody sat.
const fixture: TrackedPerson[] = [
	p(1, [true]),
	p(1, [true]),
	p(1, [false, true]),
	p(1, [false, false]),
	p(1, [], { absent: true }),
	p(1, [], { exempt: true }),
	p(2, [], { absent: true }),
	p(2, [])
];

describe('tally', () => {
	it('counts a branch by hand: pass rate over sat, participation over drawn minus exempt', () => {
		const t = tally(fixture.filter((x) => x.branchId === 1));
		expect(t).toMatchObject({
			drawn: 6,
			sat: 4,
			passed: 3,
			failed: 1,
			firstTryPassed: 2,
			absent: 1,
			exempt: 1,
			pending: 0
		});
		expect(t.passRate).toEqual({ num: 3, den: 4, value: 0.75 });
		expect(t.firstTryRate).toEqual({ num: 2, den: 4, value: 0.5 });
		expect(t.participation).toEqual({ num: 4, den: 5, value: 0.8 });
	});

	it('gives null rates, not a division by zero, for a branch where nobody sat', () => {
		const { branches, total } = tallyByBranch(fixture, [1, 2]);
		const b2 = branches[1]!.tally;
		expect(b2.passRate.value).toBeNull();
		expect(b2.firstTryRate.value).toBeNull();
		expect(b2.participation).toEqual({ num: 0, den: 2, value: 0 });
		expect(b2.pending).toBe(1);
		expect(total.drawn).toBe(8);
		expect(total.participation).toEqual({ num: 4, den: 7, value: 4 / 7 });
	});

	it('gives null participation when everyone drawn is exempt', () => {
		expect(tally([p(1, [], { exempt: true })]).participation.value).toBeNull();
	});

	it('counts someone who sat despite a recorded absence as sat', () => {
		expect(personStatus(p(1, [true], { absent: true }))).toBe('passed');
	});
});
