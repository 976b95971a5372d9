import { recordAuditIn } from '../audit/service';
import { OFFICE_WIDE, canManageAdmins, requirePermission } from '../auth/permissions';
import { generateInitialPassword, hashInitialPassword } from '../auth/service';
import type { AppContext } from '../context';
import { inTransaction } from '../db';
import { Invalid } from '../errors';
import { isSystemActor, type RosterActor } from './actor';
import { employeeNoRule } from './values';
import * as data from './data';

/** The branch created for a deployment that starts without demo data. */
export const DEFAULT_HEAD_OFFICE = { code: 'HO', name: '营业部', type: 'head_office' } as const;

export interface CreatedAdmin {
	employeeNo: string;
	name: string;
	/** Shown once to whoever ran the command; only its hash is stored. */
	initialPassword: string;
	branchCode: string;
	createdHeadOffice: boolean;
}

/**
 * Creates an administrator (roles admin and hr) who must change the password at first sign-in,
 * plus a head office to belong to when there is none yet. The system or an admin may do this.
 */
export async function createAdmin(
	ctx: AppContext,
	actor: RosterActor,
	input: { employeeNo: string; name?: string }
): Promise<CreatedAdmin> {
	const isSystem = isSystemActor(actor);
	const actorStaffId = isSystem
		? null
		: requirePermission(actor, canManageAdmins, 'creates admins').id;
	const employeeNo = input.employeeNo.trim();
	const name = input.name?.trim() || '管理员';
	if (!employeeNo || employeeNo.length > 32) {
		throw new Invalid([{ key: 'roster.error.required', params: { column: '工号/employee_no' } }]);
	}
	// The same rule as a roster file's: the admin's number is a sign-in name like any other.
	const bad = employeeNoRule(ctx.config.employeeNoPattern)(employeeNo);
	if (bad) throw new Invalid([bad]);
	return await inTransaction(ctx.db, async (tx) => {
		if ((await data.findStaffIdByEmployeeNo(tx, employeeNo)) !== null) {
			throw new Invalid([{ key: 'roster.error.employeeExists', params: { value: employeeNo } }]);
		}
		// Random and changed at first sign-in, so a fast hash is enough (see hashInitialPassword).
		const initialPassword = generateInitialPassword();
		const passwordHash = hashInitialPassword(initialPassword);
		const now = ctx.clock.now();
		let branchId = await data.selectHeadOfficeId(tx);
		const createdHeadOffice = branchId === null;
		branchId ??= await data.insertBranch(tx, {
			...DEFAULT_HEAD_OFFICE,
			parentId: null,
			createdAt: now
		});
		const branchCode = (await data.selectBranches(tx)).find((b) => b.id === branchId)?.code ?? '';
		const staffId = await data.insertStaff(tx, {
			employeeNo,
			name,
			branchId,
			position: '系统管理员',
			hireDate: null,
			status: 'active',
			passwordHash,
			now
		});
		await data.replaceRoles(tx, staffId, [...OFFICE_WIDE]);
		await recordAuditIn(ctx, tx, {
			action: 'admin.create',
			actorStaffId,
			target: `staff:${employeeNo}`,
			detail: { via: isSystem ? 'cli' : 'web', createdHeadOffice }
		});
		return { employeeNo, name, initialPassword, branchCode, createdHeadOffice };
	});
}
