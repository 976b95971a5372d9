import { and, desc, eq, lt, lte, ne, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { loginCaptcha, loginFailure, session, staff, staffRole } from '../db/schema';
import type { Role } from '../../org/enums';

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

export async function selectStaffByEmployeeNo(db: Db, employeeNo: string) {
	return await db.select().from(staff).where(eq(staff.employeeNo, employeeNo)).get();
}

export async function selectStaffById(db: Db, staffId: number) {
	return await db.select().from(staff).where(eq(staff.id, staffId)).get();
}

export async function updatePassword(
	db: Db,
	staffId: number,
	passwordHash: string,
	mustChange: boolean,
	now: number
): Promise<void> {
	await db
		.update(staff)
		.set({ passwordHash, mustChangePassword: mustChange, updatedAt: now })
		.where(eq(staff.id, staffId))
		.run();
}

export async function updateLocale(db: Db, staffId: number, locale: string): Promise<void> {
	await db.update(staff).set({ locale }).where(eq(staff.id, staffId)).run();
}

// Sign-in throttle: failure counters and CAPTCHA challenges.

export type FailureRow = typeof loginFailure.$inferSelect;

export async function selectFailureCount(
	db: Db,
	account: string,
	address: string
): Promise<FailureRow | undefined> {
	return await db
		.select()
		.from(loginFailure)
		.where(and(eq(loginFailure.account, account), eq(loginFailure.address, address)))
		.get();
}

export async function upsertFailureCount(db: Db, row: FailureRow): Promise<void> {
	const { failures, lastFailureAt, expiresAt } = row;
	await db
		.insert(loginFailure)
		.values(row)
		.onConflictDoUpdate({
			target: [loginFailure.account, loginFailure.address],
			set: { failures, lastFailureAt, expiresAt }
		})
		.run();
}

export async function deleteFailureCount(db: Db, account: string, address: string): Promise<void> {
	await db
		.delete(loginFailure)
		.where(and(eq(loginFailure.account, account), eq(loginFailure.address, address)))
		.run();
}

/** Every counter of an account: its own and those of each address it was tried from. */
export async function deleteFailureCountsOfAccount(db: Db, account: string): Promise<void> {
	await db.delete(loginFailure).where(eq(loginFailure.account, account)).run();
}

export async function deleteExpiredFailureCounts(db: Db, now: number): Promise<number> {
	return (await db.delete(loginFailure).where(lte(loginFailure.expiresAt, now)).run()).changes;
}

export async function insertCaptcha(db: Db, row: typeof loginCaptcha.$inferInsert): Promise<void> {
	await db.insert(loginCaptcha).values(row).run();
}

/** Takes a challenge out: whoever gets its answer back is the only one who ever will. */
export async function takeCaptcha(
	db: Db,
	id: string
): Promise<{ answer: string; expiresAt: number } | undefined> {
	return await db
		.delete(loginCaptcha)
		.where(eq(loginCaptcha.id, id))
		.returning({ answer: loginCaptcha.answer, expiresAt: loginCaptcha.expiresAt })
		.get();
}

export async function deleteExpiredCaptchas(db: Db, now: number): Promise<number> {
	return (await db.delete(loginCaptcha).where(lte(loginCaptcha.expiresAt, now)).run()).changes;
}

/** Keeps only an address's `keep` newest open challenges. */
export async function trimCaptchasOfAddress(db: Db, address: string, keep: number): Promise<void> {
	const newest = db
		.select({ id: loginCaptcha.id })
		.from(loginCaptcha)
		.where(eq(loginCaptcha.address, address))
		.orderBy(desc(loginCaptcha.createdAt))
		.limit(keep);
	await db
		.delete(loginCaptcha)
		.where(and(eq(loginCaptcha.address, address), notInArray(loginCaptcha.id, newest)))
		.run();
}
