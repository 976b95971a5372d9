// What an import is compared against: every branch, every person with their roles, and the
// roster_version counter that says whether any of it moved.
import { and, asc, gt, lte } from 'drizzle-orm';
import { first, type Db } from '../../db';
import { rosterVersion, staff, staffRole } from '../../db/schema';
import { ROLES, type Role } from '../../../org/enums';
import { atOnce, type Pace } from '../../steps';
import type { ExistingStaff, RosterSnapshot } from '../plan';
import { selectBranches } from './branch';

const SNAPSHOT_PAGE = 5000;

/**
 * Every branch and every person with their roles: what an import is compared against. Read a
 * page of people at a time (yielding between pages) so a job can let other requests in.
 */
export async function selectSnapshot(db: Db, pace: Pace<void> = atOnce): Promise<RosterSnapshot> {
	const branches = await selectBranches(db);
	const codeOf = new Map(branches.map((b) => [b.id, b.code]));
	const people: ExistingStaff[] = [];
	for (let after = 0; ;) {
		const page = await db
			.select({
				id: staff.id,
				employeeNo: staff.employeeNo,
				name: staff.name,
				branchId: staff.branchId,
				position: staff.position,
				hireDate: staff.hireDate,
				status: staff.status
			})
			.from(staff)
			.where(gt(staff.id, after))
			.orderBy(asc(staff.id))
			.limit(SNAPSHOT_PAGE);
		const last = page.at(-1)?.id;
		if (last === undefined) break;
		const roles = new Map<number, Role[]>();
		const pageRoles = await db
			.select()
			.from(staffRole)
			.where(and(gt(staffRole.staffId, after), lte(staffRole.staffId, last)));
		for (const r of pageRoles) roles.set(r.staffId, [...(roles.get(r.staffId) ?? []), r.role]);
		for (const { branchId, ...s } of page) {
			// In ROLES order, as a file's roles are parsed, so that the two compare as strings.
			const own = roles.get(s.id) ?? [];
			people.push({
				...s,
				branchCode: codeOf.get(branchId) ?? '',
				roles: ROLES.filter((r) => own.includes(r))
			});
		}
		after = last;
		await pace();
	}
	return { branches, staff: people };
}

/** The counter the roster_version triggers bump on every change a roster plan depends on. */
export async function selectRosterVersion(db: Db): Promise<number> {
	return (
		(await first(db.select({ version: rosterVersion.version }).from(rosterVersion)))?.version ?? 0
	);
}
