import { hasRole, isOfficeWide } from '../auth/guards';
import type { SessionUser } from '../auth/session';
import { Forbidden } from '../errors';

/*
 * Who sees whose class hours. Trainers run training for the whole office, so they read every
 * branch's standing (and may record hours earned elsewhere) but correct nothing; a branch manager
 * sees their own branch; HR and admin see and correct everything. Everyone sees their own.
 */

/** The branches whose hours `user` may list: null means all. Deny anyone else. */
export function hoursScope(user: SessionUser): number[] | null {
	if (isOfficeWide(user) || hasRole(user, 'trainer')) return null;
	if (hasRole(user, 'branch_manager')) return [user.branchId];
	throw new Forbidden('no class-hour scope');
}

/** True when `user` may read the hours of a person in `branchId`. */
export function canSeeHoursOf(
	user: SessionUser,
	person: { id: number; branchId: number }
): boolean {
	if (user.id === person.id) return true;
	if (isOfficeWide(user) || hasRole(user, 'trainer')) return true;
	return hasRole(user, 'branch_manager') && user.branchId === person.branchId;
}

/** Manual entries: hours earned outside the system (external training, a lost sign-in sheet). */
export function canRecordHours(user: SessionUser): boolean {
	return hasRole(user, 'hr', 'admin', 'trainer');
}

/** Corrections change what someone is credited with: HR and admin only. */
export function canCorrectHours(user: SessionUser): boolean {
	return hasRole(user, 'hr', 'admin');
}
