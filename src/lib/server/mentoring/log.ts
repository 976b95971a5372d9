import type { Db } from '../db';
import type { OnboardingPlan, PracticumDay } from '../db/schema';
import { selectStaffNames } from '../org/service';
import { resolveChecklist, type ChecklistTask } from './checklist';
import * as data from './data';

export interface Person {
	employeeNo: string;
	name: string;
}

export interface LogEntry {
	id: number;
	dayNumber: number;
	workDate: string;
	signedBy: Person | null;
	signedAt: number;
	tasks: { code: string; label: string }[];
	hours: number;
	observations: string;
	correctionReason: string | null;
}

export interface LogDay extends LogEntry {
	acknowledgedAt: number | null;
	countersignedAt: number | null;
	countersignedBy: Person | null;
	/** Earlier versions this row corrected, newest first; their signatures stay with them. */
	earlier: (LogEntry & { acknowledgedAt: number | null })[];
}

/** A position's checklist as stored (or built in), retired tasks included. */
export async function checklistFor(db: Db, position: string): Promise<ChecklistTask[]> {
	return resolveChecklist(position, await data.selectTaskRows(db, [position, '*']));
}

/** The plan's log as it stands, each current day with the history behind it. */
export async function buildPracticumLog(
	db: Db,
	plan: OnboardingPlan,
	position: string
): Promise<LogDay[]> {
	const rows = await data.selectAllDays(db, plan.id);
	const signatures = await data.selectSignatures(
		db,
		rows.map((r) => r.id)
	);
	const labels = new Map((await checklistFor(db, position)).map((t) => [t.code, t.label]));
	const people = await selectStaffNames(db, [
		...new Set([...rows.map((r) => r.mentorId), ...signatures.map((s) => s.staffId)])
	]);
	const sig = (dayId: number, kind: 'mentee_ack' | 'countersign') =>
		signatures.find((s) => s.dayId === dayId && s.kind === kind);
	const entry = (r: PracticumDay): LogEntry => ({
		id: r.id,
		dayNumber: r.dayNumber,
		workDate: r.workDate,
		signedBy: people.get(r.mentorId) ?? null,
		signedAt: r.signedAt,
		tasks: r.tasks.map((code) => ({ code, label: labels.get(code) ?? code })),
		hours: r.hours,
		observations: r.observations,
		correctionReason: r.correctionReason
	});
	const byId = new Map(rows.map((r) => [r.id, r]));
	const superseded = new Set(rows.flatMap((r) => (r.supersedesId ? [r.supersedesId] : [])));
	return rows
		.filter((r) => !superseded.has(r.id))
		.map((r) => {
			const earlier: LogDay['earlier'] = [];
			for (let prev = r.supersedesId; prev; prev = byId.get(prev)?.supersedesId ?? null) {
				const old = byId.get(prev);
				if (!old) break;
				earlier.push({
					...entry(old),
					acknowledgedAt: sig(old.id, 'mentee_ack')?.signedAt ?? null
				});
			}
			const counter = sig(r.id, 'countersign');
			return {
				...entry(r),
				acknowledgedAt: sig(r.id, 'mentee_ack')?.signedAt ?? null,
				countersignedAt: counter?.signedAt ?? null,
				countersignedBy: counter ? (people.get(counter.staffId) ?? null) : null,
				earlier
			};
		});
}

/** The first practicum day number with no current entry, or null when all are logged. */
export function nextDayNumber(days: { dayNumber: number }[], required: number): number | null {
	const logged = new Set(days.map((d) => d.dayNumber));
	for (let n = 1; n <= required; n++) if (!logged.has(n)) return n;
	return null;
}
