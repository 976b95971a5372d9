import { Unauthenticated } from '../errors';
import type { SessionUser } from './session';

/**
 * Deny unless someone is signed in. What they may do is a named permission
 * (./permissions.ts); this only says who they are.
 */
export function requireUser(user: SessionUser | null | undefined): SessionUser {
	if (!user) throw new Unauthenticated();
	return user;
}
