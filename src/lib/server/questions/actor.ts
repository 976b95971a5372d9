import { canManageBanks, requirePermission } from '../auth/permissions';
import type { SessionUser } from '../auth/session';
import { isSystemActor, type SystemActor } from '../roster/actor';

/** Who maintains the banks: a signed-in person, the system (CLI, demo seed), or nobody. */
export type BankActor = SessionUser | SystemActor | null | undefined;

export interface BankEditor {
	/** Null for the system: created_by and audit actor stay empty. */
	staffId: number | null;
	via: 'web' | 'cli';
}

/** Deny unless the actor is the system or a trainer, HR or admin: question keys are secret. */
export function requireBankEditor(actor: BankActor): BankEditor {
	if (isSystemActor(actor)) return { staffId: null, via: 'cli' };
	const user = requirePermission(actor, canManageBanks, 'edits question banks');
	return { staffId: user.id, via: 'web' };
}
