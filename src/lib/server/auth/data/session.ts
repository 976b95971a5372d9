// Sessions and the roles looked up with them on every request.
import { and, eq, lt, ne } from 'drizzle-orm';
import { row, rows, type Db } from '../../db';
import { session, type Staff } from '../../db/schema';
import type { Role } from '../../../org/enums';

export async function insertSession(db: Db, row: typeof session.$inferInsert): Promise<void> {
	await db.insert(session).values(row).run();
}

// Every request checks its session: fixed texts (each prepared once per connection), and only
// the columns the check and the signed-in person need, read as plain rows: drizzle's mapping
// of the whole session and staff rows was a tenth of an answer save's CPU.
const SESSION_WITH_STAFF = `select s.expires_at as "expiresAt", s.absolute_expires_at as "absoluteExpiresAt",
	t.id, t.employee_no as "employeeNo", t.name, t.branch_id as "branchId", t.position, t.status,
	t.password_hash is not null as "hasPassword", t.must_change_password as "mustChangePassword",
	t.locale
	from session s join staff t on t.id = s.staff_id where s.id = ?`;
const ROLES = 'select role from staff_role where staff_id = ?';

/** The person behind a session, with only what a session check and SessionUser need. */
export interface SessionStaff {
	id: number;
	employeeNo: string;
	name: string;
	branchId: number;
	position: string;
	status: Staff['status'];
	hasPassword: boolean;
	mustChangePassword: boolean;
	locale: string | null;
}

export async function selectSessionWithStaff(
	db: Db,
	sessionId: string
): Promise<{ expiresAt: number; absoluteExpiresAt: number; staff: SessionStaff } | undefined> {
	const r = await row<Record<string, unknown>>(db, SESSION_WITH_STAFF, [sessionId]);
	if (!r) return undefined;
	return {
		expiresAt: Number(r.expiresAt),
		absoluteExpiresAt: Number(r.absoluteExpiresAt),
		staff: {
			id: Number(r.id),
			employeeNo: r.employeeNo as string,
			name: r.name as string,
			branchId: Number(r.branchId),
			position: r.position as string,
			status: r.status as Staff['status'],
			// SQLite answers 0/1, PostgreSQL false/true.
			hasPassword: Boolean(r.hasPassword),
			mustChangePassword: Boolean(r.mustChangePassword),
			locale: (r.locale as string | null) ?? null
		}
	};
}

export async function selectRoles(db: Db, staffId: number): Promise<Role[]> {
	return (await rows<{ role: Role }>(db, ROLES, [staffId])).map((r) => r.role);
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
