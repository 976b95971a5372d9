import { and, eq, lt, ne, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { loginThrottle, session, staff, staffRole, type Role } from '../db/schema';

export function insertSession(db: Db, row: typeof session.$inferInsert): void {
	db.insert(session).values(row).run();
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
const prepared = new WeakMap<Db, ReturnType<typeof prepareSessionLookups>>();
function lookups(db: Db): ReturnType<typeof prepareSessionLookups> {
	let p = prepared.get(db);
	if (!p) prepared.set(db, (p = prepareSessionLookups(db)));
	return p;
}

export function selectSessionWithStaff(db: Db, sessionId: string) {
	return lookups(db).sessionWithStaff.get({ id: sessionId });
}

export function selectRoles(db: Db, staffId: number): Role[] {
	return lookups(db)
		.roles.all({ staffId })
		.map((r) => r.role);
}

export function updateSessionExpiry(db: Db, sessionId: string, expiresAt: number): void {
	db.update(session).set({ expiresAt }).where(eq(session.id, sessionId)).run();
}

export function deleteSession(db: Db, sessionId: string): void {
	db.delete(session).where(eq(session.id, sessionId)).run();
}

export function deleteSessionsOfStaff(db: Db, staffId: number, exceptSessionId?: string): void {
	const where = exceptSessionId
		? and(eq(session.staffId, staffId), ne(session.id, exceptSessionId))
		: eq(session.staffId, staffId);
	db.delete(session).where(where).run();
}

export function deleteExpiredSessions(db: Db, now: number): number {
	return db.delete(session).where(lt(session.expiresAt, now)).run().changes;
}

export function selectStaffByEmployeeNo(db: Db, employeeNo: string) {
	return db.select().from(staff).where(eq(staff.employeeNo, employeeNo)).get();
}

export function selectStaffById(db: Db, staffId: number) {
	return db.select().from(staff).where(eq(staff.id, staffId)).get();
}

export function updatePassword(
	db: Db,
	staffId: number,
	passwordHash: string,
	mustChange: boolean,
	now: number
): void {
	db.update(staff)
		.set({ passwordHash, mustChangePassword: mustChange, updatedAt: now })
		.where(eq(staff.id, staffId))
		.run();
}

export function updateLocale(db: Db, staffId: number, locale: string): void {
	db.update(staff).set({ locale }).where(eq(staff.id, staffId)).run();
}

export function selectThrottle(db: Db, username: string) {
	return db.select().from(loginThrottle).where(eq(loginThrottle.username, username)).get();
}

export function upsertThrottle(db: Db, row: typeof loginThrottle.$inferInsert): void {
	db.insert(loginThrottle)
		.values(row)
		.onConflictDoUpdate({
			target: loginThrottle.username,
			set: {
				failures: row.failures,
				lockedUntil: row.lockedUntil,
				lastFailureAt: row.lastFailureAt
			}
		})
		.run();
}

export function deleteThrottle(db: Db, username: string): void {
	db.delete(loginThrottle).where(eq(loginThrottle.username, username)).run();
}
