import { and, desc, eq, lt, lte, ne, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { loginCaptcha, loginFailure, session, staff, staffRole, type Role } from '../db/schema';

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

// Sign-in throttle: failure counters and CAPTCHA challenges.

export type FailureRow = typeof loginFailure.$inferSelect;

export function selectFailureCount(
	db: Db,
	account: string,
	address: string
): FailureRow | undefined {
	return db
		.select()
		.from(loginFailure)
		.where(and(eq(loginFailure.account, account), eq(loginFailure.address, address)))
		.get();
}

export function upsertFailureCount(db: Db, row: FailureRow): void {
	const { failures, lastFailureAt, expiresAt } = row;
	db.insert(loginFailure)
		.values(row)
		.onConflictDoUpdate({
			target: [loginFailure.account, loginFailure.address],
			set: { failures, lastFailureAt, expiresAt }
		})
		.run();
}

export function deleteFailureCount(db: Db, account: string, address: string): void {
	db.delete(loginFailure)
		.where(and(eq(loginFailure.account, account), eq(loginFailure.address, address)))
		.run();
}

/** Every counter of an account: its own and those of each address it was tried from. */
export function deleteFailureCountsOfAccount(db: Db, account: string): void {
	db.delete(loginFailure).where(eq(loginFailure.account, account)).run();
}

export function deleteExpiredFailureCounts(db: Db, now: number): number {
	return db.delete(loginFailure).where(lte(loginFailure.expiresAt, now)).run().changes;
}

export function insertCaptcha(db: Db, row: typeof loginCaptcha.$inferInsert): void {
	db.insert(loginCaptcha).values(row).run();
}

/** Takes a challenge out: whoever gets its answer back is the only one who ever will. */
export function takeCaptcha(db: Db, id: string): { answer: string; expiresAt: number } | undefined {
	return db
		.delete(loginCaptcha)
		.where(eq(loginCaptcha.id, id))
		.returning({ answer: loginCaptcha.answer, expiresAt: loginCaptcha.expiresAt })
		.get();
}

export function deleteExpiredCaptchas(db: Db, now: number): number {
	return db.delete(loginCaptcha).where(lte(loginCaptcha.expiresAt, now)).run().changes;
}

/** Keeps only an address's `keep` newest open challenges. */
export function trimCaptchasOfAddress(db: Db, address: string, keep: number): void {
	const newest = db
		.select({ id: loginCaptcha.id })
		.from(loginCaptcha)
		.where(eq(loginCaptcha.address, address))
		.orderBy(desc(loginCaptcha.createdAt))
		.limit(keep);
	db.delete(loginCaptcha)
		.where(and(eq(loginCaptcha.address, address), notInArray(loginCaptcha.id, newest)))
		.run();
}
