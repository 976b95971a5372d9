// Sessions and the roles looked up with them on every request.
import { and, eq, lt, ne } from 'drizzle-orm';
import { row, rows, type Db } from '../../db';
import { session, type Staff } from '../../db/schema';
import type { Role } from '../../../org/enums';

export async function insertSession(db: Db, row: typeof session.$inferInsert): Promise<void> {
	await db.insert(session).values(row);
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

/** The columns of a person a session check and SessionUser need (a whole staff row will do). */
export type SessionStaffFields = Pick<
	Staff,
	'id' | 'employeeNo' | 'name' | 'branchId' | 'position' | 'status' | 'mustChangePassword' | 'locale'
>;

/** The person behind a session, and whether they still have a password. */
export type SessionStaff = SessionStaffFields & { hasPassword: boolean };

export async function selectSessionWithStaff(
	db: Db,
	sessionId: string
): Promise<{ expiresAt: number; absoluteExpiresAt: number; staff: SessionStaff } | undefined> {
	const r = await row<
		Omit<SessionStaff, 'hasPassword' | 'mustChangePassword'> & {
			expiresAt: number;
			absoluteExpiresAt: number;
			// Raw SQL: SQLite answers 0/1, PostgreSQL false/true.
			hasPassword: number | boolean;
			mustChangePassword: number | boolean;
		}
	>(db, SESSION_WITH_STAFF, [sessionId]);
	if (!r) return undefined;
	const { expiresAt, absoluteExpiresAt, hasPassword, mustChangePassword, ...staff } = r;
	return {
		expiresAt,
		absoluteExpiresAt,
		staff: {
			...staff,
			hasPassword: Boolean(hasPassword),
			mustChangePassword: Boolean(mustChangePassword)
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
	await db.update(session).set({ expiresAt }).where(eq(session.id, sessionId));
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
	await db.delete(session).where(eq(session.id, sessionId));
}

export async function deleteSessionsOfStaff(
	db: Db,
	staffId: number,
	exceptSessionId?: string
): Promise<void> {
	const where = exceptSessionId
		? and(eq(session.staffId, staffId), ne(session.id, exceptSessionId))
		: eq(session.staffId, staffId);
	await db.delete(session).where(where);
}

export async function deleteExpiredSessions(db: Db, now: number): Promise<number> {
	return (await db.delete(session).where(lt(session.expiresAt, now))).changes;
}
