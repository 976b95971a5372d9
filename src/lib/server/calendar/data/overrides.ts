import { and, asc, eq, gte, lte } from 'drizzle-orm';
import type { Db } from '../../db';
import { calendarOverride, type CalendarOverride } from '../../db/schema';

// calendar_override: the office's own closed and working days.

/** Every override, oldest day first: a few dozen rows a year, read whole to build the calendar. */
export async function selectOverrides(db: Db): Promise<CalendarOverride[]> {
	return await db.select().from(calendarOverride).orderBy(asc(calendarOverride.day));
}

/** The overrides from `from` to `to`, both included. */
export async function selectOverridesBetween(
	db: Db,
	from: string,
	to: string
): Promise<CalendarOverride[]> {
	return await db
		.select()
		.from(calendarOverride)
		.where(and(gte(calendarOverride.day, from), lte(calendarOverride.day, to)))
		.orderBy(asc(calendarOverride.day));
}

/** Sets the day's override, replacing an earlier one for the same day. */
export async function upsertOverride(db: Db, row: CalendarOverride): Promise<void> {
	await db
		.insert(calendarOverride)
		.values(row)
		.onConflictDoUpdate({
			target: calendarOverride.day,
			set: { working: row.working, note: row.note, setBy: row.setBy, setAt: row.setAt }
		});
}

/** Removes the day's override; true when there was one. */
export async function deleteOverride(db: Db, day: string): Promise<boolean> {
	return (await db.delete(calendarOverride).where(eq(calendarOverride.day, day))).changes > 0;
}
