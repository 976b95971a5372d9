import { hashPassword } from '../auth/password';
import type { AppContext } from '../context';
import { inTransaction } from '../db';
import { officeDay } from '../../time/office';
import { DEMO_PASSWORD } from './accounts';
import { planDemoOrganisation } from './organisation';
import { countStaff, insertBranch, insertRoles, insertStaffRows } from './data';

/**
 * Seeds the demo office when no staff exist yet; returns whether it did. Idempotent: a second
 * call, or a database already filled by a roster import, is left alone.
 */
export async function seedDemoIfEmpty(ctx: AppContext): Promise<boolean> {
	if ((await countStaff(ctx.db)) > 0) return false;
	// argon2 is deliberately slow: one hash shared by every demo account keeps the seed fast.
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	const now = ctx.clock.now();
	const plan = planDemoOrganisation(officeDay(now));
	return await inTransaction(ctx.db, async (tx) => {
		// Checked again inside the write lock: another process may have seeded meanwhile.
		if ((await countStaff(tx)) > 0) return false;
		const branchIds = new Map<string, number>();
		for (const b of plan.branches) {
			const parentId = b.parentCode ? branchIds.get(b.parentCode) : undefined;
			const id = await insertBranch(tx, {
				code: b.code,
				name: b.name,
				type: b.type,
				parentId: parentId ?? null,
				createdAt: now
			});
			branchIds.set(b.code, id);
		}
		const staffIds = await insertStaffRows(
			tx,
			plan.staff.map((s) => ({
				employeeNo: s.employeeNo,
				name: s.name,
				branchId: branchIds.get(s.branchCode) as number,
				position: s.position,
				hireDate: s.hireDate,
				status: s.status,
				passwordHash,
				mustChangePassword: false,
				createdAt: now,
				updatedAt: now
			}))
		);
		await insertRoles(
			tx,
			plan.staff.flatMap((s) =>
				s.roles.map((role) => ({ staffId: staffIds.get(s.employeeNo) as number, role }))
			)
		);
		return true;
	});
}
