// Sessions and the roles looked up with them on every request.
import { and, eq, lt, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { session, staff, staffRole } from '../../db/schema';
import type { Role } from '../../../org/enums';

export async function insertSession(db: Db, row: typeof session.$inferInsert): Promise<void> {
	await db.insert(session).values(row).run();
}

// Every request checks its session: these statements are built once per connection.
function prepareSessionLookups(db: Db) {
	return {
		sessionWithStaff: db
			.select({ session, staff })
			.from(session)
			.innerJoin(staff, eq(session.staffId, staff.id))
			.where(eq(session.id, sql.placeholder('id')))
			.prepare(),
		roles: db
			.select({ role: staffRole.role })
			.from(staffRole)
			.where(eq(staffRole.staffId, sql.placeholder('staffId')))
			.prepare()
	};
}
const prepared = new WeakMap<Db, Awaited<ReturnType<typeof prepareSessionLookups>>>();
function lookups(db: Db): Awaited<ReturnType<typeof prepareSessionLookups>> {
	let p = prepared.get(db);
	if (!p) prepared.set(db, (p = prepareSessionLookups(db)));
	return p;
}

export async function selectSessionWithStaff(db: Db, sessionId: string) {
	return await lookups(db).sessionWithStaff.get({ id: sessionId });
}

export async function selectRoles(db: Db, staffId: number): Promise<Role[]> {
	return (await lookups(db).roles.all({ staffId })).map((r) => r.role);
}

export async function updateSessionExpiry(
	db: Db,
	sessionId: string,
	expiresAt: number
): Promise<void> {
	await db.update(session).set({ expiresAt }).where(eq(session.id, sessionId)).run();
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
	await db.delete(session).where(eq(session.id, sessionId)).run();
}

export async function deleteSessionsOfStaff(
	db: Db,
	staffId: number,
	exceptSessionId?: string
): Promise<void> {
	const where = exceptSessionId
		? and(eq(session.staffId, staffId), ne(session.id, exceptSessionId))
		: eq(session.staffId, staffId);
	await db.delete(session).where(where).run();
}

export async function deleteExpiredSessions(db: Db, now: number): Promise<number> {
	return (await db.delete(session).where(lt(session.expiresAt, now)).run()).changes;
}
