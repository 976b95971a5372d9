import { id } from './columns';
import { sql } from 'drizzle-orm';
import {
	index,
	integer,
	real,
	sqliteTable,
	text,
	uniqueIndex,
	type AnySQLiteColumn
} from 'drizzle-orm/sqlite-core';
import { HOUR_KINDS, HOUR_SOURCES } from '../../../hours/enums';
import { branch, staff } from './org';

/**
 * The class-hour ledger (学时): append-only. A correction is a new row (negative or positive)
 * pointing at the row it corrects, with a reason.
 */
export const hourEntry = sqliteTable(
	'hour_entry',
	{
		id: id(),
		staffId: integer('staff_id')
			.notNull()
			.references(() => staff.id),
		kind: text('kind', { enum: HOUR_KINDS }).notNull(),
		hours: real('hours').notNull(),
		/** The calendar day the hours were earned (YYYY-MM-DD); the year counts against it. */
		earnedOn: text('earned_on').notNull(),
		source: text('source', { enum: HOUR_SOURCES }).notNull(),
		/** What earned it, e.g. "lesson:onboarding-seat/banking-basics/01" or "session:12". */
		sourceRef: text('source_ref'),
		reason: text('reason'),
		correctsEntryId: integer('corrects_entry_id').references((): AnySQLiteColumn => hourEntry.id),
		recordedBy: integer('recorded_by').references(() => staff.id),
		recordedAt: integer('recorded_at').notNull(),
		/** The person's branch and position when recorded; null: not recorded (reports use current). */
		branchId: integer('branch_id').references(() => branch.id),
		position: text('position')
	},
	(t) => [
		index('hour_entry_staff_day_idx').on(t.staffId, t.earnedOn),
		index('hour_entry_day_idx').on(t.earnedOn),
		// Credit once: a lesson or a session attendance can only ever earn one entry per person.
		uniqueIndex('hour_entry_credit_once_uq')
			.on(t.staffId, t.source, t.sourceRef)
			.where(sql`source in ('lesson', 'session')`)
	]
);

/** Yearly requirement per position; the row with position '*' is the default. */
export const hourRequirement = sqliteTable('hour_requirement', {
	position: text('position').primaryKey(),
	remote: real('remote').notNull(),
	centralized: real('centralized').notNull(),
	updatedBy: integer('updated_by').references(() => staff.id),
	updatedAt: integer('updated_at').notNull()
});

export type HourEntry = typeof hourEntry.$inferSelect;
