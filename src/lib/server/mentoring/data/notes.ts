import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { mentorPairing, mentoringNote } from '../../db/schema';

export type MentoringNote = typeof mentoringNote.$inferSelect;

// mentoring_note: conversations a mentor logs outside the practicum days.

export async function insertNote(db: Db, row: typeof mentoringNote.$inferInsert): Promise<void> {
	await db.insert(mentoringNote).values(row);
}

export async function selectNotesOfPlan(
	db: Db,
	planId: number
): Promise<{ note: MentoringNote; mentorId: number }[]> {
	return await db
		.select({ note: mentoringNote, mentorId: mentorPairing.mentorId })
		.from(mentoringNote)
		.innerJoin(mentorPairing, eq(mentorPairing.id, mentoringNote.pairingId))
		.where(eq(mentorPairing.planId, planId))
		.orderBy(desc(mentoringNote.heldOn), desc(mentoringNote.id));
}
