/**
 * Where each assignment stands, folded from the immutable drawn list, its append-only events and
 * the attempts made inside the window. Pure: the service passes the rows in.
 */
import { personStatus, type PersonStatus, type TrackedPerson } from './tracking';
import type { AssignmentRow, SpotEventRow, WindowAttempt } from './tracking-queries';

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
	/** Null for alternates nobody has called up. */
	status: PersonStatus | null;
	/** Reasons recorded for absence or exemption, newest last. */
	reasons: string[];
}

export function buildStandings(
	assignments: readonly AssignmentRow[],
	events: readonly SpotEventRow[],
	attempts: readonly WindowAttempt[]
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
		const tracked = a.role === 'drawn' || standsInFor !== null;
		const exempt = mine.some((e) => e.kind === 'exempt');
		const absent = mine.some((e) => e.kind === 'absent');
		const person: TrackedPerson = { branchId: a.branchId, exempt, absent, results };
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
			status: tracked ? personStatus(person) : null,
			reasons: mine.filter((e) => e.kind === 'absent' || e.kind === 'exempt').map((e) => e.reason)
		};
	});
}

/** The people the tallies count. */
export function trackedPeople(standings: readonly Standing[]): TrackedPerson[] {
	return standings
		.filter((s) => s.tracked)
		.map((s) => ({ branchId: s.branchId, exempt: s.exempt, absent: s.absent, results: s.results }));
}
