import { and, desc, eq, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db';
import { auditEvent, type AuditEvent } from '../../db/schema';

export type NewAuditEvent = typeof auditEvent.$inferInsert;

export async function insertAuditEvent(db: Db, event: NewAuditEvent): Promise<void> {
	await db.insert(auditEvent).values(event);
}

// Six columns a row keeps a batch well under SQLite's bound-parameter limit.
const INSERT_BATCH = 1000;

export async function insertAuditEvents(db: Db, events: NewAuditEvent[]): Promise<void> {
	for (let i = 0; i < events.length; i += INSERT_BATCH) {
		await db
			.insert(auditEvent)
			.values(events.slice(i, i + INSERT_BATCH));
	}
}

export async function selectRecentAuditEvents(
	db: Db,
	limit: number,
	action?: string
): Promise<AuditEvent[]> {
	const query = db.select().from(auditEvent);
	const filtered = action ? query.where(eq(auditEvent.action, action)) : query;
	return await filtered.orderBy(desc(auditEvent.id)).limit(limit);
}

/** What the audit page filters by; every field narrows, none set means every event. */
export interface AuditQuery {
	/** Events by this person, or naming them (`targets`). */
	person?: { staffId: number | null; targets: string[] };
	action?: string;
	/** Text the event's object (target) contains, case-insensitive. */
	target?: string;
	/** Epoch ms, inclusive. */
	fromMs?: number;
	/** Epoch ms, exclusive. */
	toMs?: number;
}

const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Up to `limit` matching events, newest first, older than event `beforeId` when given: keyset
 * paging on the id, so the thousandth page costs what the first does.
 */
export async function selectAuditEvents(
	db: Db,
	q: AuditQuery,
	limit: number,
	beforeId?: number
): Promise<AuditEvent[]> {
	const where: SQL[] = [];
	if (q.person) {
		const byTarget = q.person.targets.length > 0 ? inArray(auditEvent.target, q.person.targets) : undefined;
		const byActor =
			q.person.staffId !== null ? eq(auditEvent.actorStaffId, q.person.staffId) : undefined;
		where.push(or(byActor, byTarget) ?? sql`1 = 0`);
	}
	if (q.action) where.push(eq(auditEvent.action, q.action));
	if (q.target) {
		where.push(
			sql`lower(${auditEvent.target}) like lower(${`%${escapeLike(q.target)}%`}) escape '\\'`
		);
	}
	if (q.fromMs !== undefined) where.push(gte(auditEvent.at, q.fromMs));
	if (q.toMs !== undefined) where.push(lt(auditEvent.at, q.toMs));
	if (beforeId !== undefined) where.push(lt(auditEvent.id, beforeId));
	return await db
		.select()
		.from(auditEvent)
		.where(and(...where))
		.orderBy(desc(auditEvent.id))
		.limit(limit);
}
