import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
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

/**
 * Failed sign-ins, counted three ways: per account name (whether or not it exists; `address`
 * is ''), per client address (`account` is ''), and per account at one address. The database
 * holds them, not a process, so every app node sees the same counts.
 */
export const loginFailure = sqliteTable(
	'login_failure',
	{
		account: text('account').notNull(),
		address: text('address').notNull(),
		failures: integer('failures').notNull(),
		lastFailureAt: integer('last_failure_at').notNull(),
		/** After this the row counts for nothing and may be deleted. */
		expiresAt: integer('expires_at').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.account, t.address] }),
		index('login_failure_expires_idx').on(t.expiresAt)
	]
);

/** An image CAPTCHA's answer: single-use, short-lived, shared by every app node. */
export const loginCaptcha = sqliteTable(
	'login_captcha',
	{
		/** Random, sent with the image; the answer itself never leaves the server. */
		id: text('id').primaryKey(),
		answer: text('answer').notNull(),
		/** The client address that asked for it: bounds how many one address may hold. */
		address: text('address').notNull(),
		createdAt: integer('created_at').notNull(),
		expiresAt: integer('expires_at').notNull()
	},
	(t) => [
		index('login_captcha_address_idx').on(t.address, t.createdAt),
		index('login_captcha_expires_idx').on(t.expiresAt)
	]
);

export type Session = typeof session.$inferSelect;
