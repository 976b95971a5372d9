import { recordAuditIn } from '../audit/service';
import type { AppContext } from '../context';
import { inTransaction, type Tx } from '../db';
import type { Staff } from '../db/schema';
import type { Role, StaffStatus } from '../../org/enums';
import { DomainError, Forbidden, Invalid, NotFound } from '../errors';
import type { MessageKey } from '../../i18n/messages';
import { isSystemActor, type RosterActor } from '../roster/service';
import { canManageAdmins, canResetPasswords, requirePermission } from './permissions';
import { generateInitialPassword, hashInitialPassword } from './password';
import * as data from './data';
import { invalidateStaffSessionsIn } from './session';
import { clearAccountThrottleIn } from './throttle';

/** The person whose password would be reset, as the staff page already knows them. */
export interface ResetTarget {
	employeeNo: string;
	status: StaffStatus;
	roles: readonly Role[];
}

export interface PasswordReset {
	employeeNo: string;
	/** Shown once to whoever reset it; only its hash is stored, nowhere else. */
	initialPassword: string;
}

/**
 * Why `actor` may not reset `target`'s password, or null when they may. Branch managers are
 * refused: whoever reads the new password can sign in as that person and sit their exams, so
 * the power stays with the office that already hands out initial passwords (HR, admin). Only
 * an admin resets an admin, or HR could take over the administration.
 */
function refusal(actor: RosterActor, target: ResetTarget): DomainError | null {
	if (!isSystemActor(actor)) {
		const user = requirePermission(actor, canResetPasswords, 'resets passwords');
		if (user.employeeNo === target.employeeNo) {
			return new Invalid([{ key: 'password.reset.self' }]);
		}
		if (target.roles.includes('admin') && !canManageAdmins(user)) {
			return new Forbidden('only an admin resets an admin', 'password.reset.adminOnly');
		}
	}
	if (target.status === 'left') return new Invalid([{ key: 'password.reset.left' }]);
	return null;
}

/** Whether the staff page should offer the reset, and if not, the reason to show instead. */
export function passwordResetStatus(
	actor: RosterActor,
	target: ResetTarget
): { allowed: boolean; reason: MessageKey | null } {
	try {
		const refused = refusal(actor, target);
		return { allowed: !refused, reason: refused?.problems[0]?.key ?? null };
	} catch (e) {
		if (e instanceof DomainError) return { allowed: false, reason: e.problems[0]?.key ?? null };
		throw e;
	}
}

async function getResettable(tx: Tx, actor: RosterActor, employeeNo: string): Promise<Staff> {
	const person = await data.selectStaffByEmployeeNo(tx, employeeNo);
	if (!person) throw new NotFound(`staff ${employeeNo}`);
	const refused = refusal(actor, { ...person, roles: await data.selectRoles(tx, person.id) });
	if (refused) throw refused;
	return person;
}

/**
 * Gives a person a new initial password (HR/admin, or the CLI): they must change it at next
 * sign-in, every session of theirs ends and the sign-in throttle forgets their failures (no more
 * CAPTCHA or wait for their account, from any address). Audited without the password.
 */
export async function resetPassword(
	ctx: AppContext,
	actor: RosterActor,
	employeeNo: string
): Promise<PasswordReset> {
	// Role before anything else, so a refused caller learns nothing about who exists.
	const actorStaffId = isSystemActor(actor)
		? null
		: requirePermission(actor, canResetPasswords, 'resets passwords').id;
	return await inTransaction(ctx.db, async (tx) => {
		const person = await getResettable(tx, actor, employeeNo);
		// Random and changed at first sign-in, so a fast hash is enough (see hashInitialPassword).
		const initialPassword = generateInitialPassword();
		const passwordHash = hashInitialPassword(initialPassword);
		await data.updatePassword(tx, person.id, passwordHash, true, ctx.clock.now());
		await invalidateStaffSessionsIn(ctx, tx, person.id);
		await clearAccountThrottleIn(ctx, tx, person.employeeNo);
		await recordAuditIn(ctx, tx, {
			action: 'password.reset',
			actorStaffId,
			target: person.employeeNo,
			detail: { via: isSystemActor(actor) ? 'cli' : 'web' }
		});
		return { employeeNo: person.employeeNo, initialPassword };
	});
}
