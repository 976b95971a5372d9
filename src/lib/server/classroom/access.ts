import { canManageAnySession, canRunSessions, requirePermission } from '../auth/permissions';
import type { SessionUser } from '../auth/session';
import type { Db } from '../db';
import type { ClassSession } from '../db/schema';
import { Forbidden, Invalid, NotFound } from '../errors';
import { selectSession } from './data';

/** HR and admin manage every session; a trainer only the sessions they run. */
export function canManageSession(actor: SessionUser, session: ClassSession): boolean {
	return canManageAnySession(actor) || session.trainerId === actor.id;
}

/** The session, when this person may manage it; deny by default. */
export async function getManagedSession(
	db: Db,
	user: SessionUser | null,
	sessionId: number
): Promise<{ actor: SessionUser; session: ClassSession }> {
	const actor = requirePermission(user, canRunSessions, 'runs classroom sessions');
	const session = Number.isInteger(sessionId) ? await selectSession(db, sessionId) : undefined;
	if (!session) throw new NotFound(`session ${sessionId}`);
	if (!canManageSession(actor, session)) throw new Forbidden('session of another trainer');
	return { actor, session };
}

/** A cancelled session is kept for its history but takes no more changes. */
export function requireScheduled(session: ClassSession): void {
	if (session.status === 'cancelled') throw new Invalid([{ key: 'classroom.error.cancelled' }]);
}
