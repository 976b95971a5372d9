import type { Db } from '../db';
import { selectStaffNames } from '../org/service';
import type { Person } from './log';
import * as data from './data';

export interface PairingRow {
	id: number;
	mentor: Person | null;
	fromDate: string;
	toDate: string | null;
	purpose: string;
	endReason: string | null;
}

export interface NoteRow {
	id: number;
	heldOn: string;
	minutes: number;
	topic: string;
	notes: string;
	mentor: Person | null;
}

/** Who mentored the plan's new hire and when, oldest first: a change keeps the earlier pairing. */
export async function buildPairingHistory(db: Db, planId: number): Promise<PairingRow[]> {
	const pairings = await data.selectPairingsOfPlan(db, planId);
	const names = await selectStaffNames(
		db,
		pairings.map((p) => p.mentorId)
	);
	return pairings.map((p) => ({
		id: p.id,
		mentor: names.get(p.mentorId) ?? null,
		fromDate: p.fromDate,
		toDate: p.toDate,
		purpose: p.purpose,
		endReason: p.endReason
	}));
}

/** Mentoring conversations of the plan, latest first. */
export async function buildNotes(db: Db, planId: number): Promise<NoteRow[]> {
	const rows = await data.selectNotesOfPlan(db, planId);
	const names = await selectStaffNames(db, [...new Set(rows.map((r) => r.mentorId))]);
	return rows.map(({ note, mentorId }) => ({
		id: note.id,
		heldOn: note.heldOn,
		minutes: note.minutes,
		topic: note.topic,
		notes: note.notes,
		mentor: names.get(mentorId) ?? null
	}));
}
