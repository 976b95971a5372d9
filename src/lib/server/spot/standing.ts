/**
 * The spot standing rule, in one place: who a campaign tracks, and where each tracked person
 * stands, folded from the immutable drawn list, its append-only events and the attempts made
 * inside the window. Pure: the service passes the rows in. The tallies (tracking.ts) count
 * what `outcomeOf` says; the report SQL (reports/data/pass-rate-facts.ts, pass-rate-counts.ts)
 * restates it for speed and is tested row for row against it.
 */
import type { AssignmentRole, SpotStatus } from '../../spot/enums';
import type { AssignmentRow, SpotEventRow, WindowAttempt } from './data';

/** A tracked person as the rule sees them. */
export interface TrackedPerson {
	branchId: number;
	exempt: boolean;
	absent: boolean;
	/** Submitted attempts inside the campaign window, oldest first: passed or not. */
	results: boolean[];
}

/** One person's standing: exemption wins; sitting beats a recorded absence; any pass counts. */
export function personStatus(p: TrackedPerson): SpotStatus {
	if (p.exempt) return 'exempt';
	if (p.results.length > 0) return p.results.includes(true) ? 'passed' : 'failed';
	return p.absent ? 'absent' : 'pending';
}

/** Counted in the campaign: drawn, or an alternate called up to stand in for someone. */
export function isTracked(role: AssignmentRole, standsInFor: number | null): boolean {
	return role === 'drawn' || standsInFor !== null;
}

/** What a person adds to a campaign's counts. */
export interface PersonOutcome {
	status: SpotStatus;
	/** Sat the exam in the window (an exempt person never counts as sitting). */
	sat: boolean;
	passed: boolean;
	/** Passed at the first attempt in the window. */
	passedFirstTry: boolean;
}

export function outcomeOf(p: TrackedPerson): PersonOutcome {
	const status = personStatus(p);
	const sat = status === 'passed' || status === 'failed';
	return { status, sat, passed: status === 'passed', passedFirstTry: sat && p.results[0] === true };
}

export interface Standing extends AssignmentRow {
	/** Counted in the campaign: drawn, or an alternate standing in for an exempt person. */
	tracked: boolean;
	exempt: boolean;
	absent: boolean;
	remedial: boolean;
	/** The alternate's assignment id that took this person's place. */
	replacedBy: number | null;
	/** The exempt person's assignment id this alternate stands in for. */
	standsInFor: number | null;
	attempts: WindowAttempt[];
	/** Submitted attempts' results, oldest first. */
	results: boolean[];
	/** The window has closed: whoever was tracked and never sat missed it (缺考), recorded or not. */
	closed: boolean;
	/** Null for alternates nobody has called up. */
	status: SpotStatus | null;
	/** Reasons recorded for absence or exemption, newest last. */
	reasons: string[];
}

/** `closed`: the campaign's window has closed (a no-show then stands as absent, not pending). */
export function buildStandings(
	assignments: readonly AssignmentRow[],
	events: readonly SpotEventRow[],
	attempts: readonly WindowAttempt[],
	closed = false
): Standing[] {
	const standsIn = new Map<number, number>();
	for (const e of events) {
		if (e.kind === 'replaced_by' && e.otherAssignmentId !== null) {
			standsIn.set(e.otherAssignmentId, e.assignmentId);
		}
	}
	return assignments.map((a) => {
		const mine = events.filter((e) => e.assignmentId === a.id);
		const own = attempts.filter((t) => t.staffId === a.staffId);
		const results = own.filter((t) => t.status === 'submitted').map((t) => t.passed === true);
		const standsInFor = standsIn.get(a.id) ?? null;
		const tracked = isTracked(a.role, standsInFor);
		const exempt = mine.some((e) => e.kind === 'exempt');
		const absent = mine.some((e) => e.kind === 'absent');
		const person: TrackedPerson = {
			branchId: a.branchId,
			exempt,
			absent: absent || closed,
			results
		};
		return {
			...a,
			tracked,
			exempt,
			absent,
			remedial: mine.some((e) => e.kind === 'remedial'),
			replacedBy: mine.find((e) => e.kind === 'replaced_by')?.otherAssignmentId ?? null,
			standsInFor,
			attempts: own,
			results,
			closed,
			status: tracked ? personStatus(person) : null,
			reasons: mine.filter((e) => e.kind === 'absent' || e.kind === 'exempt').map((e) => e.reason)
		};
	});
}

/** The people the tallies count. */
export function trackedPeople(standings: readonly Standing[]): TrackedPerson[] {
	return standings
		.filter((s) => s.tracked)
		.map((s) => ({
			branchId: s.branchId,
			exempt: s.exempt,
			absent: s.absent || s.closed,
			results: s.results
		}));
}
