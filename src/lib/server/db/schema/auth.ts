import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { staff } from './org';

export const session = sqliteTable(
	'session',
	{
		/** SHA-256 of the token, hex: the token itself is never stored. */
		id: text('id').primaryKey(),
		staffId: integer('staff_id')
			.notNull()
			.references(() => staff.id, { onDelete: 'cascade' }),
		createdAt: integer('created_at').notNull(),
		/** Sliding idle expiry, never later than absoluteExpiresAt. */
		expiresAt: integer('expires_at').notNull(),
		absoluteExpiresAt: integer('absolute_expires_at').notNull()
	},
	(t) => [index('session_staff_idx').on(t.staffId)]
);

/** Failed sign-ins per account name, whether or not the account exists. */
export const loginThrottle = sqliteTable('login_throttle', {
	username: text('username').primaryKey(),
	failures: integer('failures').notNull(),
	lockedUntil: integer('locked_until'),
	lastFailureAt: integer('last_failure_at').notNull()
});

export type Session = typeof session.$inferSelect;
