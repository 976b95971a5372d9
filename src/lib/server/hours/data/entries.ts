import { aliasedTable, and, between, desc, eq, inArray, sql } from 'drizzle-orm';
import type { SQLiteInsertValue } from 'drizzle-orm/sqlite-core';
import { first, inserted, type Db } from '../../db';
import { hourEntry, staff, type HourEntry } from '../../db/schema';
import type { HourKind } from '../../../hours/enums';

// hour_entry: the ledger. Rows are appended, never edited; corrections are rows of their own.

export type NewHourEntry = typeof hourEntry.$inferInsert;

/**
 * The entry's branch and position: the person's now, or for a correction the corrected entry's
 * (a correction nets out where the hours it corrects were counted).
 */
function withAtTime(row: NewHourEntry): SQLiteInsertValue<typeof hourEntry> {
	const own = (column: 'branch_id' | 'position') =>
		row.correctsEntryId == null
			? sql`(select ${sql.raw(column)} from staff where id = ${row.staffId})`
			: sql`coalesce((select ${sql.raw(column)} from hour_entry where id = ${row.correctsEntryId}),
				(select ${sql.raw(column)} from staff where id = ${row.staffId}))`;
	return { branchId: own('branch_id'), position: own('position'), ...row };
}

/** Inserts unless the same lesson/session already credited this person; null when it had. */
export async function insertEntryOnce(db: Db, row: NewHourEntry): Promise<HourEntry | null> {
	return (
		(await first(db.insert(hourEntry).values(withAtTime(row)).onConflictDoNothing().returning())) ??
		null
	);
}

export async function insertEntry(db: Db, row: NewHourEntry): Promise<HourEntry> {
	return await inserted(db.insert(hourEntry).values(withAtTime(row)).returning());
}

export async function selectEntry(db: Db, id: number): Promise<HourEntry | undefined> {
	return await first(db.select().from(hourEntry).where(eq(hourEntry.id, id)));
}

/** The sum of every correction appended to one entry (0 when none). */
export async function sumCorrectionsOf(db: Db, entryId: number): Promise<number> {
	const row = await first(db
		.select({ hours: sql<number>`coalesce(sum(${hourEntry.hours}), 0)` })
		.from(hourEntry)
		.where(eq(hourEntry.correctsEntryId, entryId)));
	return row?.hours ?? 0;
}

const recorder = aliasedTable(staff, 'recorder');

/** A person's ledger for a range of days, newest first, with who recorded each entry. */
export async function selectLedger(
	db: Db,
	staffId: number,
	from: string,
	to: string
): Promise<{ entry: HourEntry; recordedByName: string | null }[]> {
	return await db
		.select({ entry: hourEntry, recordedByName: recorder.name })
		.from(hourEntry)
		.leftJoin(recorder, eq(hourEntry.recordedBy, recorder.id))
		.where(and(eq(hourEntry.staffId, staffId), between(hourEntry.earnedOn, from, to)))
		.orderBy(desc(hourEntry.earnedOn), desc(hourEntry.id));
}

export interface KindTotal {
	staffId: number;
	kind: HourKind;
	hours: number;
}

export async function sumByStaffAndKind(
	db: Db,
	from: string,
	to: string,
	staffIds?: number[]
): Promise<KindTotal[]> {
	const range = between(hourEntry.earnedOn, from, to);
	return await db
		.select({
			staffId: hourEntry.staffId,
			kind: hourEntry.kind,
			hours: sql<number>`coalesce(sum(${hourEntry.hours}), 0)`
		})
		.from(hourEntry)
		.where(staffIds ? and(range, inArray(hourEntry.staffId, staffIds)) : range)
		.groupBy(hourEntry.staffId, hourEntry.kind);
}
