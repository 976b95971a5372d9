import { desc, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { auditEvent, type AuditEvent } from '../db/schema';

export type NewAuditEvent = typeof auditEvent.$inferInsert;

export function insertAuditEvent(db: Db, event: NewAuditEvent): void {
	db.insert(auditEvent).values(event).run();
}

export function selectRecentAuditEvents(db: Db, limit: number, action?: string): AuditEvent[] {
	const query = db.select().from(auditEvent);
	const filtered = action ? query.where(eq(auditEvent.action, action)) : query;
	return filtered.orderBy(desc(auditEvent.id)).limit(limit).all();
}
