import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { staff } from './org';

/**
 * The office's own exceptions to the State Council's working calendar: a day the office is
 * closed (a branch move, a local holiday) or works (an audit weekend). One row per day; the
 * latest word wins, and the audit trail keeps who changed it.
 */
export const calendarOverride = sqliteTable('calendar_override', {
	/** The office calendar day, YYYY-MM-DD. */
	day: text('day').primaryKey(),
	working: integer('working', { mode: 'boolean' }).notNull(),
	note: text('note').notNull().default(''),
	setBy: integer('set_by').references(() => staff.id),
	setAt: integer('set_at').notNull()
});

export type CalendarOverride = typeof calendarOverride.$inferSelect;
