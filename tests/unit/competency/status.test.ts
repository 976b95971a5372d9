import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../../src/lib/server/clock';
import { addMonths } from '../../../src/lib/time/days';
import { officeDay } from '../../../src/lib/time/office';
import {
	deriveStanding,
	isExpiringWithin,
	type StatusEvent
} from '../../../src/lib/server/competency/status';

const DAY = 86_400_000;

function history(clock: FakeClock) {
	const events: StatusEvent[] = [];
	let id = 0;
	return {
		events,
		grant(months: number, ref: string) {
			events.push({
				id: ++id,
				kind: 'granted',
				validUntil: addMonths(officeDay(clock.now()), months),
				evidenceType: 'attempt',
				evidenceRef: ref,
				occurredAt: clock.now()
			});
		},
		mark(kind: 'needs_retest' | 'revoked', ref: string) {
			events.push({
				id: ++id,
				kind,
				validUntil: null,
				evidenceType: 'attempt',
				evidenceRef: ref,
				occurredAt: clock.now()
			});
		},
		today: () => officeDay(clock.now())
	};
}

describe('competency status', () => {
	it('is not held without events', () => {
		expect(deriveStanding([], '2026-03-02').status).toBe('not_held');
	});

	it('grants, expires after the validity, then fail → needs retest → pass → competent', () => {
		const clock = new FakeClock('2026-03-02T02:00:00Z');
		const h = history(clock);
		h.grant(12, 'attempt:1');
		let s = deriveStanding(h.events, h.today());
		expect(s).toMatchObject({
			status: 'competent',
			until: '2027-03-02',
			evidence: { ref: 'attempt:1' }
		});

		clock.set('2027-03-02T15:00:00Z'); // 23:00 in Beijing: the last valid day
		expect(deriveStanding(h.events, h.today()).status).toBe('competent');
		clock.advance(DAY);
		expect(deriveStanding(h.events, h.today())).toMatchObject({
			status: 'expired',
			until: '2027-03-02'
		});

		h.grant(12, 'attempt:2');
		clock.advance(30 * DAY);
		h.mark('needs_retest', 'attempt:3');
		s = deriveStanding(h.events, h.today());
		expect(s).toMatchObject({
			status: 'needs_retest',
			since: clock.now(),
			evidence: { ref: 'attempt:3' }
		});

		clock.advance(5 * DAY);
		h.grant(12, 'attempt:4');
		s = deriveStanding(h.events, h.today());
		expect(s).toMatchObject({
			status: 'competent',
			since: clock.now(),
			evidence: { ref: 'attempt:4' }
		});
	});

	it('reads events in time order whatever order they come in', () => {
		const clock = new FakeClock('2026-03-02T02:00:00Z');
		const h = history(clock);
		h.grant(24, 'attempt:1');
		clock.advance(DAY);
		h.mark('revoked', 'certificate:1');
		expect(deriveStanding([...h.events].reverse(), h.today()).status).toBe('not_held');
	});

	it('flags a competency that lapses inside the window only', () => {
		const standing = deriveStanding(
			[
				{
					id: 1,
					kind: 'granted',
					validUntil: '2026-04-10',
					evidenceType: 'attempt',
					evidenceRef: 'a',
					occurredAt: 0
				}
			],
			'2026-03-02'
		);
		expect(isExpiringWithin(standing, '2026-03-02', '2026-04-01')).toBe(false);
		expect(isExpiringWithin(standing, '2026-03-02', '2026-05-01')).toBe(true);
	});

	it('adds months clamping to the end of a shorter month', () => {
		expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
		expect(addMonths('2026-11-15', 24)).toBe('2028-11-15');
	});
});
