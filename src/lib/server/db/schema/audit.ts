import { id } from './columns';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Append-only: rows are inserted, never updated or deleted. */
export const auditEvent = sqliteTable(
	'audit_event',
	{
		id: id(),
		at: integer('at').notNull(),
		actorStaffId: integer('actor_staff_id'),
		action: text('action').notNull(),
		target: text('target'),
		detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>(),
		ip: text('ip')
	},
	(t) => [index('audit_event_at_idx').on(t.at), index('audit_event_action_idx').on(t.action, t.at)]
);

export type AuditEvent = typeof auditEvent.$inferSelect;
