// Who holds which role.
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db';
import { staffRole } from '../../db/schema';
import type { Role } from '../../../org/enums';

/** Roles of many people at once, so a list of 351 costs one query, not 351. */
export async function selectRolesOf(db: Db, staffIds: number[]): Promise<Map<number, Role[]>> {
	const out = new Map<number, Role[]>();
	for (let i = 0; i < staffIds.length; i += 500) {
		const rows = await db
			.select()
			.from(staffRole)
			.where(inArray(staffRole.staffId, staffIds.slice(i, i + 500)));
		for (const r of rows) out.set(r.staffId, [...(out.get(r.staffId) ?? []), r.role]);
	}
	return out;
}

export async function replaceRoles(db: Db, staffId: number, roles: Role[]): Promise<void> {
	await db.delete(staffRole).where(eq(staffRole.staffId, staffId));
	if (roles.length > 0) {
		await db
			.insert(staffRole)
			.values(roles.map((role) => ({ staffId, role })));
	}
}
