import { blob, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { staff } from './org';

export const IMPORT_STATUSES = ['previewed', 'committed', 'discarded'] as const;

/** An uploaded roster file kept between preview and commit, so HR commits exactly what it saw. */
export const rosterImport = sqliteTable('roster_import', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	/** Null when the file came in through the CLI, which runs as the system, not a person. */
	createdBy: integer('created_by').references(() => staff.id),
	createdAt: integer('created_at').notNull(),
	fileName: text('file_name').notNull(),
	content: blob('content', { mode: 'buffer' }).notNull(),
	status: text('status', { enum: IMPORT_STATUSES }).notNull().default('previewed'),
	summary: text('summary', { mode: 'json' }).$type<Record<string, number>>(),
	committedAt: integer('committed_at'),
	/** JSON rows of new accounts' initial passwords; cleared after their one download. */
	initialPasswords: text('initial_passwords'),
	passwordsDownloadedAt: integer('passwords_downloaded_at')
});
