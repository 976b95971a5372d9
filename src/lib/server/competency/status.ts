/**
 * A competency's status, derived from its append-only history and today's date. Pure: the record
 * page, the expiring lists and the tests all read status the same way.
 */
import type { CompetencyEventKind, CompetencyStatus } from '../../competency/enums';

export interface StatusEvent {
	kind: CompetencyEventKind;
	validUntil: string | null;
	evidenceType: string;
	evidenceRef: string;
	occurredAt: number;
	id: number;
}

export interface CompetencyStanding {
	status: CompetencyStatus;
	/** When the current status began: the grant, or the event that took it away (epoch ms). */
	since: number | null;
	/** Last valid day of the latest grant (YYYY-MM-DD), when there is one. */
	until: string | null;
	/** The evidence behind the current status, e.g. "attempt:12". */
	evidence: { type: string; ref: string } | null;
}

const NOT_HELD: CompetencyStanding = {
	status: 'not_held',
	since: null,
	until: null,
	evidence: null
};

/** Events of one person and one competency, in any order; `today` is YYYY-MM-DD. */
export function deriveStanding(events: readonly StatusEvent[], today: string): CompetencyStanding {
	if (events.length === 0) return NOT_HELD;
	// Oldest to newest; the id breaks ties when two events share a millisecond.
	const sorted = [...events].sort((a, b) => a.occurredAt - b.occurredAt || a.id - b.id);
	const latest = sorted[sorted.length - 1]!;
	const lastGrant = sorted.findLast((e) => e.kind === 'granted');
	const evidenceOf = (e: StatusEvent) => ({ type: e.evidenceType, ref: e.evidenceRef });
	if (latest.kind === 'needs_retest') {
		return {
			status: 'needs_retest',
			since: latest.occurredAt,
			until: lastGrant?.validUntil ?? null,
			evidence: evidenceOf(latest)
		};
	}
	if (latest.kind === 'revoked') {
		return {
			status: 'not_held',
			since: latest.occurredAt,
			until: null,
			evidence: evidenceOf(latest)
		};
	}
	// A grant without an end date never lapses (no such rule today, but a manual grant may do it).
	const until = latest.validUntil;
	if (until !== null && until < today) {
		return { status: 'expired', since: latest.occurredAt, until, evidence: evidenceOf(latest) };
	}
	return { status: 'competent', since: latest.occurredAt, until, evidence: evidenceOf(latest) };
}

/** True when a held competency lapses between `today` and `horizon` (both YYYY-MM-DD, inclusive). */
export function isExpiringWithin(
	standing: CompetencyStanding,
	today: string,
	horizon: string
): boolean {
	return (
		standing.status === 'competent' &&
		standing.until !== null &&
		standing.until >= today &&
		standing.until <= horizon
	);
}
