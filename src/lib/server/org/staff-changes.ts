import { recordAuditIn } from '../audit/service';
import {
	OFFICE_WIDE,
	canManageAdmins,
	canManageStaff,
	requirePermission
} from '../auth/permissions';
import { invalidateStaffSessionsIn, type SessionUser } from '../auth/service';
import type { AppContext } from '../context';
import { inTransaction } from '../db';
import { ROLES, type Role } from '../../org/enums';
import { Forbidden, Invalid, NotFound } from '../errors';
import * as data from './data';

type Actor = SessionUser | null | undefined;

function parseRoles(values: readonly string[]): Role[] {
	const unknown = values.filter((v) => !(ROLES as readonly string[]).includes(v));
	if (unknown.length > 0) {
		throw new Invalid([
			{ key: 'org.roles.unknown', params: { roles: unknown.join(', ') }, field: 'roles' }
		]);
	}
	const roles = ROLES.filter((r) => values.includes(r));
	if (roles.length === 0) throw new Invalid([{ key: 'org.roles.empty', field: 'roles' }]);
	return roles;
}

/** Replaces a person's roles (HR/admin); audited with the roles before and after. */
export async function updateStaffRoles(
	ctx: AppContext,
	actor: Actor,
	employeeNo: string,
	requested: readonly string[]
): Promise<{ changed: boolean; roles: Role[] }> {
	const user = requirePermission(actor, canManageStaff, 'manages staff');
	const roles = parseRoles(requested);
	return await inTransaction(ctx.db, async (tx) => {
		const person = await data.selectStaffRow(tx, employeeNo);
		if (!person) throw new NotFound(`staff ${employeeNo}`);
		const current = (await data.selectRolesOf(tx, [person.id])).get(person.id) ?? [];
		const before = ROLES.filter((r) => current.includes(r));
		const same = before.length === roles.length && before.every((r) => roles.includes(r));
		if (same) return { changed: false, roles };
		// Only an admin grants or removes admin: HR must not be able to raise itself.
		if (before.includes('admin') !== roles.includes('admin') && !canManageAdmins(user)) {
			throw new Forbidden('only an admin changes the admin role');
		}
		if (
			person.id === user.id &&
			// Losing an office-wide role could lock the office out of its own administration.
			OFFICE_WIDE.some((r) => before.includes(r) && !roles.includes(r))
		) {
			throw new Invalid([{ key: 'org.roles.ownOfficeRole', field: 'roles' }]);
		}
		await data.replaceRoles(tx, person.id, roles);
		await recordAuditIn(ctx, tx, {
			action: 'staff.roles_change',
			actorStaffId: user.id,
			target: employeeNo,
			detail: { before, after: roles }
		});
		return { changed: true, roles };
	});
}

/** Marks a person as left and ends their sessions at once (HR/admin); audited. */
export async function disableStaff(
	ctx: AppContext,
	actor: Actor,
	employeeNo: string
): Promise<{ changed: boolean }> {
	const user = requirePermission(actor, canManageStaff, 'manages staff');
	return await inTransaction(ctx.db, async (tx) => {
		const person = await data.selectStaffRow(tx, employeeNo);
		if (!person) throw new NotFound(`staff ${employeeNo}`);
		if (person.id === user.id) throw new Invalid([{ key: 'org.disable.self' }]);
		const theirRoles = (await data.selectRolesOf(tx, [person.id])).get(person.id) ?? [];
		if (theirRoles.includes('admin') && !canManageAdmins(user)) {
			throw new Forbidden('only an admin disables an admin');
		}
		if (person.status === 'left') return { changed: false };
		await data.updateStaffStatus(tx, person.id, 'left', ctx.clock.now());
		await invalidateStaffSessionsIn(ctx, tx, person.id);
		await recordAuditIn(ctx, tx, {
			action: 'staff.disable',
			actorStaffId: user.id,
			target: employeeNo,
			detail: { before: person.status, after: 'left' }
		});
		return { changed: true };
	});
}
