import { and, asc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import { first, inserted, type Db } from '../../db';
import { practicumDay, practicumSignature, type PracticumDay } from '../../db/schema';

// practicum_day and practicum_signature: the signed log, corrections appended as new rows.

export type PracticumSignature = typeof practicumSignature.$inferSelect;

export async function insertDay(
	db: Db,
	row: typeof practicumDay.$inferInsert
): Promise<PracticumDay> {
	return await inserted(db.insert(practicumDay).values(row).returning());
}

/** Every row of the plan's log, superseded ones included: the history a correction keeps. */
export async function selectAllDays(db: Db, planId: number): Promise<PracticumDay[]> {
	return await db
		.select()
		.from(practicumDay)
		.where(eq(practicumDay.planId, planId))
		.orderBy(asc(practicumDay.dayNumber), asc(practicumDay.id));
}

export async function selectDayById(db: Db, id: number): Promise<PracticumDay | undefined> {
	return await first(db.select().from(practicumDay).where(eq(practicumDay.id, id)));
}

/** Records a signature unless that kind is already on the day; true when this call added it. */
export async function insertSignatureOnce(
	db: Db,
	row: typeof practicumSignature.$inferInsert
): Promise<boolean> {
	return (
		(await db.insert(practicumSignature).values(row).onConflictDoNothing()).changes === 1
	);
}

/** The plan's practicum days as they stand: rows no later correction has replaced. */
export async function selectCurrentDays(db: Db, planId: number): Promise<PracticumDay[]> {
	const superseded = db
		.select({ id: practicumDay.supersedesId })
		.from(practicumDay)
		.where(and(eq(practicumDay.planId, planId), sql`${practicumDay.supersedesId} is not null`));
	return await db
		.select()
		.from(practicumDay)
		.where(and(eq(practicumDay.planId, planId), notInArray(practicumDay.id, superseded)))
		.orderBy(practicumDay.dayNumber);
}

export async function selectSignatures(
	db: Db,
	dayIds: number[]
): Promise<PracticumSignature[]> {
	if (dayIds.length === 0) return [];
	return await db
		.select()
		.from(practicumSignature)
		.where(inArray(practicumSignature.dayId, dayIds));
}
