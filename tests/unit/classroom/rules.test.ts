import { describe, expect, it } from 'vitest';
import {
	afterWrongCode,
	canOpenSignIn,
	formatCode,
	isCodeShaped,
	lockMinutesLeft,
	parseEmployeeNumbers
} from '../../../src/lib/server/classroom/rules';
import { officeInstant } from '../../../src/lib/time/office';

const MINUTE = 60_000;

describe('classroom rules', () => {
	it('reads wall-clock times on the office clock (UTC+8)', () => {
		expect(officeInstant('2026-03-03', '09:00')).toBe(Date.parse('2026-03-03T01:00:00Z'));
		expect(officeInstant('2026-03-03', '07:30')).toBe(Date.parse('2026-03-02T23:30:00Z'));
		expect(officeInstant('2026-02-30', '09:00')).toBeNaN();
		expect(officeInstant('2026-03-03', '24:00')).toBeNaN();
		expect(officeInstant('2026-03-03', '9:00')).toBeNaN();
	});

	it('splits pasted employee numbers, upper-cased and without repeats', () => {
		expect(parseEmployeeNumbers(' yz0140\nYZ0141, YZ0142、YZ0140；YZ0143 ')).toEqual([
			'YZ0140',
			'YZ0141',
			'YZ0142',
			'YZ0143'
		]);
		expect(parseEmployeeNumbers(' \n ')).toEqual([]);
	});

	it('opens sign-in from 30 minutes before the start until the end', () => {
		const session = { startsAt: 100 * MINUTE, endsAt: 250 * MINUTE };
		expect(canOpenSignIn(session, 69 * MINUTE)).toBe(false);
		expect(canOpenSignIn(session, 70 * MINUTE)).toBe(true);
		expect(canOpenSignIn(session, 249 * MINUTE)).toBe(true);
		expect(canOpenSignIn(session, 250 * MINUTE)).toBe(false);
	});

	it('formats and recognises six-digit codes', () => {
		expect(formatCode(42)).toBe('000042');
		expect(isCodeShaped('000042')).toBe(true);
		expect(isCodeShaped('42')).toBe(false);
		expect(isCodeShaped('12345a')).toBe(false);
	});

	it('locks after the fifth wrong code within ten minutes, for ten minutes', () => {
		let state = afterWrongCode(undefined, 0);
		for (let i = 1; i < 4; i++) state = afterWrongCode(state, i * MINUTE);
		expect(state).toEqual({ failures: 4, windowStartedAt: 0, lockedUntil: null });
		state = afterWrongCode(state, 9 * MINUTE);
		expect(state.lockedUntil).toBe(19 * MINUTE);
		expect(lockMinutesLeft(state, 9 * MINUTE)).toBe(10);
		expect(lockMinutesLeft(state, 18.5 * MINUTE)).toBe(1);
		expect(lockMinutesLeft(state, 19 * MINUTE)).toBe(0);
		expect(afterWrongCode(state, 20 * MINUTE)).toEqual({
			failures: 1,
			windowStartedAt: 20 * MINUTE,
			lockedUntil: null
		});
	});

	it('starts a new window when the last one is over ten minutes old', () => {
		let state = afterWrongCode(undefined, 0);
		for (let i = 1; i < 4; i++) state = afterWrongCode(state, i * MINUTE);
		expect(afterWrongCode(state, 11 * MINUTE)).toEqual({
			failures: 1,
			windowStartedAt: 11 * MINUTE,
			lockedUntil: null
		});
	});
});
