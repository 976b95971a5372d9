import type { Role } from '../../org/enums';
import { Forbidden, Unauthenticated } from '../errors';
import type { SessionUser } from './session';

/** Roles that see every branch. */
const OFFICE_WIDE: Role[] = ['hr', 'admin'];

export function requireUser(user: SessionUser | null | undefined): SessionUser {
	if (!user) throw new Unauthenticated();
	return user;
}

export function hasRole(user: SessionUser, ...roles: Role[]): boolean {
	return roles.some((role) => user.roles.includes(role));
}

/** Deny unless the person holds one of `roles`. */
export function requireRole(user: SessionUser | null | undefined, ...roles: Role[]): SessionUser {
	const signedIn = requireUser(user);
	if (!hasRole(signedIn, ...roles)) throw new Forbidden(`needs one of ${roles.join(', ')}`);
	return signedIn;
}

export function isOfficeWide(user: SessionUser): boolean {
	return hasRole(user, ...OFFICE_WIDE);
}

/** HR and admin see all branches; a branch manager sees only their own branch. */
export function canSeeBranch(user: SessionUser, branchId: number): boolean {
	if (isOfficeWide(user)) return true;
	return hasRole(user, 'branch_manager') && user.branchId === branchId;
}

export function requireBranchAccess(user: SessionUser, branchId: number): void {
	if (!canSeeBranch(user, branchId)) throw new Forbidden(`branch ${branchId} is out of scope`);
}

/**
 * The branches a manager-type user may look at: null means all of them.
 * Throws when the person manages nothing.
 */
export function branchScope(user: SessionUser): number[] | null {
	if (isOfficeWide(user)) return null;
	if (hasRole(user, 'branch_manager')) return [user.branchId];
	throw new Forbidden('no branch scope');
}
