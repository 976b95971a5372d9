import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { staff } from './org';

/**
 * The office's report settings, one row per key (the pass-rate grid's threshold, the
 * regulator's institution code): values as text, read and checked by reports/settings.ts.
 */
export const reportSetting = sqliteTable('report_setting', {
	key: text('key').primaryKey(),
	value: text('value').notNull(),
	updatedBy: integer('updated_by').references(() => staff.id),
	updatedAt: integer('updated_at').notNull()
});
