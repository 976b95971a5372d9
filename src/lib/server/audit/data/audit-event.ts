import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { auditEvent, type AuditEvent } from '../../db/schema';

export type NewAuditEvent = typeof auditEvent.$inferInsert;

export async function insertAuditEvent(db: Db, event: NewAuditEvent): Promise<void> {
	await db.insert(auditEvent).values(event).run();
}

// Six columns a row keeps a batch well under SQLite's bound-parameter limit.
const INSERT_BATCH = 1000;

export async function insertAuditEvents(db: Db, events: NewAuditEvent[]): Promise<void> {
	for (let i = 0; i < events.length; i += INSERT_BATCH) {
		await db
			.insert(auditEvent)
			.values(events.slice(i, i + INSERT_BATCH))
			.run();
	}
}

export async function selectRecentAuditEvents(
	db: Db,
	limit: number,
	action?: string
): Promise<AuditEvent[]> {
	const query = db.select().from(auditEvent);
	const filtered = action ? query.where(eq(auditEvent.action, action)) : query;
	return await filtered.orderBy(desc(auditEvent.id)).limit(limit).all();
}
