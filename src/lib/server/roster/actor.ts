import { canImportRoster, canManageAdmins, requirePermission } from '../auth/permissions';
import type { SessionUser } from '../auth/service';

/**
 * The command line runs with direct access to the database file, so it acts as the system
 * rather than as a signed-in person: whoever can run it could read the file anyway.
 */
export interface SystemActor {
	kind: 'system';
	via: 'cli';
}

export const SYSTEM_ACTOR: SystemActor = { kind: 'system', via: 'cli' };

/** Who is importing: a signed-in person, the system (CLI), or nobody (refused). */
export type RosterActor = SessionUser | SystemActor | null | undefined;

export interface Importer {
	/** Null for the system: audit rows and roster_import.created_by stay empty. */
	staffId: number | null;
	via: 'web' | 'cli';
	/**
	 * Only an admin grants, removes or disables admin, or edits an admin's record. The system
	 * counts as one: the CLI is the operator's tool and can reach the database file anyway.
	 */
	isAdmin: boolean;
}

export function isSystemActor(actor: RosterActor): actor is SystemActor {
	return actor != null && 'kind' in actor && actor.kind === 'system';
}

/** Deny unless the actor is the system or a person holding hr or admin. */
export function requireImporter(actor: RosterActor): Importer {
	if (isSystemActor(actor)) return { staffId: null, via: 'cli', isAdmin: true };
	const user = requirePermission(actor, canImportRoster, 'imports rosters');
	return { staffId: user.id, via: 'web', isAdmin: canManageAdmins(user) };
}
