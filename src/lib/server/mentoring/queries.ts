import { and, asc, desc, eq, inArray, isNull, max } from 'drizzle-orm';
import type { Db } from '../db';
import {
	mentorPairing,
	mentoringNote,
	onboardingPlan,
	practicumDay,
	practicumSignature,
	practicumTask,
	staff,
	type MentorPairing,
	type PracticumDay
} from '../db/schema';

export async function insertPairing(
	db: Db,
	row: typeof mentorPairing.$inferInsert
): Promise<MentorPairing> {
	return await db.insert(mentorPairing).values(row).returning().get();
}

/** The plan's pairing in force: the one not yet ended. */
export async function selectCurrentPairing(
	db: Db,
	planId: number
): Promise<MentorPairing | undefined> {
	return await db
		.select()
		.from(mentorPairing)
		.where(and(eq(mentorPairing.planId, planId), isNull(mentorPairing.toDate)))
		.orderBy(desc(mentorPairing.id))
		.get();
}

export async function selectPairingsOfPlan(db: Db, planId: number): Promise<MentorPairing[]> {
	return await db
		.select()
		.from(mentorPairing)
		.where(eq(mentorPairing.planId, planId))
		.orderBy(asc(mentorPairing.fromDate), asc(mentorPairing.id))
		.all();
}

export async function endPairing(
	db: Db,
	id: number,
	toDate: string,
	endReason: string
): Promise<boolean> {
	return (
		(
			await db
				.update(mentorPairing)
				.set({ toDate, endReason })
				.where(and(eq(mentorPairing.id, id), isNull(mentorPairing.toDate)))
				.run()
		).changes === 1
	);
}

/** A mentor's current mentees whose plans are still open. */
export async function selectOpenPairingsOfMentor(db: Db, mentorId: number) {
	return await db
		.select({ pairing: mentorPairing, plan: onboardingPlan })
		.from(mentorPairing)
		.innerJoin(onboardingPlan, eq(onboardingPlan.id, mentorPairing.planId))
		.where(
			and(
				eq(mentorPairing.mentorId, mentorId),
				isNull(mentorPairing.toDate),
				eq(onboardingPlan.status, 'open')
			)
		)
		.orderBy(asc(onboardingPlan.dueDate))
		.all();
}

export async function selectTaskRows(db: Db, positions?: string[]) {
	const query = db.select().from(practicumTask);
	const scoped = positions ? query.where(inArray(practicumTask.position, positions)) : query;
	return await scoped.orderBy(asc(practicumTask.position), asc(practicumTask.sortOrder)).all();
}

export async function insertTasks(
	db: Db,
	rows: (typeof practicumTask.$inferInsert)[]
): Promise<void> {
	if (rows.length > 0) await db.insert(practicumTask).values(rows).run();
}

export async function maxTaskSortOrder(db: Db, position: string): Promise<number> {
	return (
		(
			await db
				.select({ n: max(practicumTask.sortOrder) })
				.from(practicumTask)
				.where(eq(practicumTask.position, position))
				.get()
		)?.n ?? 0
	);
}

export async function setTaskRetired(
	db: Db,
	position: string,
	code: string,
	retired: boolean
): Promise<boolean> {
	return (
		(
			await db
				.update(practicumTask)
				.set({ retired })
				.where(and(eq(practicumTask.position, position), eq(practicumTask.code, code)))
				.run()
		).changes === 1
	);
}

export async function selectDistinctPositions(db: Db): Promise<string[]> {
	return (
		await db
			.selectDistinct({ position: staff.position })
			.from(staff)
			.orderBy(asc(staff.position))
			.all()
	).map((r) => r.position);
}

export async function insertDay(
	db: Db,
	row: typeof practicumDay.$inferInsert
): Promise<PracticumDay> {
	return await db.insert(practicumDay).values(row).returning().get();
}

/** Every row of the plan's log, superseded ones included: the history a correction keeps. */
export async function selectAllDays(db: Db, planId: number): Promise<PracticumDay[]> {
	return await db
		.select()
		.from(practicumDay)
		.where(eq(practicumDay.planId, planId))
		.orderBy(asc(practicumDay.dayNumber), asc(practicumDay.id))
		.all();
}

export async function selectDayById(db: Db, id: number): Promise<PracticumDay | undefined> {
	return await db.select().from(practicumDay).where(eq(practicumDay.id, id)).get();
}

/** Records a signature unless that kind is already on the day; true when this call added it. */
export async function insertSignatureOnce(
	db: Db,
	row: typeof practicumSignature.$inferInsert
): Promise<boolean> {
	return (
		(await db.insert(practicumSignature).values(row).onConflictDoNothing().run()).changes === 1
	);
}

export async function insertNote(db: Db, row: typeof mentoringNote.$inferInsert): Promise<void> {
	await db.insert(mentoringNote).values(row).run();
}

export async function selectNotesOfPlan(db: Db, planId: number) {
	return await db
		.select({ note: mentoringNote, mentorId: mentorPairing.mentorId })
		.from(mentoringNote)
		.innerJoin(mentorPairing, eq(mentorPairing.id, mentoringNote.pairingId))
		.where(eq(mentorPairing.planId, planId))
		.orderBy(desc(mentoringNote.heldOn), desc(mentoringNote.id))
		.all();
}
