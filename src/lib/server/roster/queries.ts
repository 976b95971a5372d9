import { and, asc, desc, eq, getTableColumns, gt, inArray, isNotNull, lte } from 'drizzle-orm';
import type { Db } from '../db';
import { branch, rosterImport, rosterVersion, staff, staffRole } from '../db/schema';
import { ROLES, type BranchType, type Role, type StaffStatus } from '../../org/enums';
import { atOnce, type Pace } from '../steps';
import type { ExistingBranch, ExistingStaff, RosterSnapshot } from './plan';

export type RosterImportRow = typeof rosterImport.$inferSelect;

export async function selectBranches(db: Db): Promise<ExistingBranch[]> {
	return await db
		.select({ id: branch.id, code: branch.code, name: branch.name, type: branch.type })
		.from(branch)
		.all();
}

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
			.limit(SNAPSHOT_PAGE)
			.all();
		const last = page.at(-1)?.id;
		if (last === undefined) break;
		const roles = new Map<number, Role[]>();
		const pageRoles = await db
			.select()
			.from(staffRole)
			.where(and(gt(staffRole.staffId, after), lte(staffRole.staffId, last)))
			.all();
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
		(await db.select({ version: rosterVersion.version }).from(rosterVersion).get())?.version ?? 0
	);
}

export async function insertImport(db: Db, row: typeof rosterImport.$inferInsert): Promise<number> {
	return (await db.insert(rosterImport).values(row).returning({ id: rosterImport.id }).get()).id;
}

export async function selectImport(db: Db, id: number): Promise<RosterImportRow | undefined> {
	return await db.select().from(rosterImport).where(eq(rosterImport.id, id)).get();
}

export type RosterImportHead = Omit<RosterImportRow, 'content'>;

const IMPORT_COLUMNS = getTableColumns(rosterImport);
const HEAD_COLUMNS = Object.fromEntries(
	Object.entries(IMPORT_COLUMNS).filter(([name]) => name !== 'content')
) as Omit<typeof IMPORT_COLUMNS, 'content'>;

/** An import without its file: what a page polled while the commit runs needs. */
export async function selectImportHead(db: Db, id: number): Promise<RosterImportHead | undefined> {
	return await db.select(HEAD_COLUMNS).from(rosterImport).where(eq(rosterImport.id, id)).get();
}

export interface ImportListItem {
	id: number;
	fileName: string;
	createdAt: number;
	status: RosterImportRow['status'];
	summary: Record<string, number> | null;
	createdByName: string | null;
}

export async function selectRecentImports(db: Db, limit: number): Promise<ImportListItem[]> {
	return await db
		.select({
			id: rosterImport.id,
			fileName: rosterImport.fileName,
			createdAt: rosterImport.createdAt,
			status: rosterImport.status,
			summary: rosterImport.summary,
			createdByName: staff.name
		})
		.from(rosterImport)
		.leftJoin(staff, eq(rosterImport.createdBy, staff.id))
		.orderBy(desc(rosterImport.id))
		.limit(limit)
		.all();
}

/** Moves a previewed import on; false when it was not (still) previewed, e.g. a double commit. */
export async function updatePreviewedImport(
	db: Db,
	id: number,
	set: Partial<typeof rosterImport.$inferInsert>
): Promise<boolean> {
	const result = await db
		.update(rosterImport)
		.set(set)
		.where(and(eq(rosterImport.id, id), eq(rosterImport.status, 'previewed')))
		.run();
	return result.changes === 1;
}

/** Forgets the initial passwords of imports committed at or before `cutoff`; how many it cleared. */
export async function clearInitialPasswordsCommittedBy(db: Db, cutoff: number): Promise<number> {
	return (
		await db
			.update(rosterImport)
			.set({ initialPasswords: null })
			.where(and(isNotNull(rosterImport.initialPasswords), lte(rosterImport.committedAt, cutoff)))
			.run()
	).changes;
}

/** Clears the initial passwords as they are handed over; false when nothing was left. */
export async function clearInitialPasswords(db: Db, id: number, now: number): Promise<boolean> {
	const result = await db
		.update(rosterImport)
		.set({ initialPasswords: null, passwordsDownloadedAt: now })
		.where(eq(rosterImport.id, id))
		.run();
	return result.changes === 1;
}

export async function selectHeadOfficeId(db: Db): Promise<number | null> {
	const row = await db
		.select({ id: branch.id })
		.from(branch)
		.where(eq(branch.type, 'head_office'))
		.orderBy(asc(branch.id))
		.get();
	return row?.id ?? null;
}

export async function insertBranch(
	db: Db,
	row: { code: string; name: string; type: BranchType; parentId: number | null; createdAt: number }
): Promise<number> {
	return (await db.insert(branch).values(row).returning({ id: branch.id }).get()).id;
}

export interface StaffValues {
	name: string;
	branchId: number;
	position: string;
	hireDate: string | null;
	status: StaffStatus;
}

export async function insertStaff(
	db: Db,
	row: StaffValues & { employeeNo: string; passwordHash: string; now: number }
): Promise<number> {
	const { now, ...values } = row;
	return (
		await db
			.insert(staff)
			.values({ ...values, mustChangePassword: true, createdAt: now, updatedAt: now })
			.returning({ id: staff.id })
			.get()
	).id;
}

export async function updateStaff(
	db: Db,
	id: number,
	values: StaffValues,
	now: number
): Promise<void> {
	await db
		.update(staff)
		.set({ ...values, updatedAt: now })
		.where(eq(staff.id, id))
		.run();
}

export async function replaceRoles(db: Db, staffId: number, roles: Role[]): Promise<void> {
	await db.delete(staffRole).where(eq(staffRole.staffId, staffId)).run();
	if (roles.length > 0) {
		await db
			.insert(staffRole)
			.values(roles.map((role) => ({ staffId, role })))
			.run();
	}
}

/** Whether any of these employee numbers currently holds the admin role. */
export async function holdsAdmin(db: Db, employeeNos: string[]): Promise<boolean> {
	if (employeeNos.length === 0) return false;
	const row = await db
		.select({ id: staff.id })
		.from(staff)
		.innerJoin(staffRole, eq(staffRole.staffId, staff.id))
		.where(and(eq(staffRole.role, 'admin'), inArray(staff.employeeNo, employeeNos)))
		.get();
	return row !== undefined;
}

export async function findStaffIdByEmployeeNo(db: Db, employeeNo: string): Promise<number | null> {
	const row = await db
		.select({ id: staff.id })
		.from(staff)
		.where(eq(staff.employeeNo, employeeNo))
		.get();
	return row?.id ?? null;
}
