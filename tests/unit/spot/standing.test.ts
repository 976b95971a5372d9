import { describe, expect, it } from 'vitest';
import { isTracked, outcomeOf, type TrackedPerson } from '../../../src/lib/server/spot/standing';

const person = (over: Partial<TrackedPerson>): TrackedPerson => ({
	branchId: 1,
	exempt: false,
	absent: false,
	results: [],
	...over
});

describe('spot standing', () => {
	it('counts an exempt person as neither sitting nor passing, whatever they did', () => {
		expect(outcomeOf(person({ exempt: true, absent: true, results: [true] }))).toEqual({
			status: 'exempt',
			sat: false,
			passed: false,
			passedFirstTry: false
		});
	});

	it('lets sitting beat a recorded absence, and any pass in the window count', () => {
		expect(outcomeOf(person({ absent: true, results: [false, true] }))).toEqual({
			status: 'passed',
			sat: true,
			passed: true,
			passedFirstTry: false
		});
		expect(outcomeOf(person({ results: [true, false] })).passedFirstTry).toBe(true);
		expect(outcomeOf(person({ absent: true })).status).toBe('absent');
		expect(outcomeOf(person({})).status).toBe('pending');
	});

	it('tracks the drawn and only the alternates standing in for someone', () => {
		expect(isTracked('drawn', null)).toBe(true);
		expect(isTracked('alternate', 12)).toBe(true);
		expect(isTracked('alternate', null)).toBe(false);
	});
});
