import { requireUser } from '../auth/guards';
import {
	branchScope,
	canManageAdmins,
	canManageStaff,
	canSeeBranch,
	requireBranchAccess
} from '../auth/permissions';
import type { SessionUser } from '../auth/service';
import type { AppContext } from '../context';
import {
	ROLES,
	STAFF_STATUSES,
	type BranchType,
	type Role,
	type StaffStatus
} from '../../org/enums';
import { Forbidden, NotFound } from '../errors';
import { summarise, type BranchSummary, type HeadCount, type PositionSummary } from './counts';
import * as data from './data';

export { disableStaff, updateStaffRoles } from './staff-changes';
export { AUDIT_ACTIONS, listRecentAudit, parseAuditAction, type AuditRow } from './audit-view';
export {
	AUDIT_PAGE,
	exportAuditCsv,
	parseAuditSearch,
	searchAudit,
	type AuditPageRow,
	type AuditSearch
} from './audit-search';
export type { BranchSummary, HeadCount, PositionSummary } from './counts';

export interface StaffListItem {
	employeeNo: string;
	name: string;
	branchCode: string;
	branchName: string;
	position: string;
	status: StaffStatus;
	hireDate: string | null;
	roles: Role[];
}

export interface StaffFilters {
	branchCode?: string;
	position?: string;
	status?: StaffStatus;
	q?: string;
}

type Actor = SessionUser | null | undefined;

// Enough for the whole office of 351; a bigger result asks the user to narrow the filter.
const LIST_LIMIT = 500;

async function withRoles(ctx: AppContext, rows: data.StaffRow[]): Promise<StaffListItem[]> {
	const roles = await data.selectRolesOf(
		ctx.db,
		rows.map((r) => r.id)
	);
	return rows.map((r) => ({
		employeeNo: r.employeeNo,
		name: r.name,
		branchCode: r.branchCode,
		branchName: r.branchName,
		position: r.position,
		status: r.status,
		hireDate: r.hireDate,
		roles: ROLES.filter((role) => roles.get(r.id)?.includes(role))
	}));
}

/** Turns query-string values into filters, dropping what is not a known status or is empty. */
export function parseStaffFilters(params: URLSearchParams): StaffFilters {
	const text = (name: string): string | undefined =>
		params.get(name)?.trim().slice(0, 50) || undefined;
	const status = text('status');
	return {
		branchCode: text('branch'),
		position: text('position'),
		status: STAFF_STATUSES.find((s) => s === status),
		q: text('q')
	};
}

/** Staff the actor may see (HR/admin: all; branch manager: own branch), filtered. */
export async function listStaff(
	ctx: AppContext,
	actor: Actor,
	filters: StaffFilters
): Promise<{ rows: StaffListItem[]; truncated: boolean }> {
	const user = requireUser(actor);
	let branchIds = branchScope(user);
	if (filters.branchCode) {
		const wanted = await data.selectBranchByCode(ctx.db, filters.branchCode);
		if (wanted) requireBranchAccess(user, wanted.id);
		// An unknown code matches nobody rather than failing: it may come from an old link.
		branchIds = wanted ? [wanted.id] : [];
	}
	const rows = await data.selectStaffList(
		ctx.db,
		{ branchIds, position: filters.position, status: filters.status, q: filters.q },
		LIST_LIMIT + 1
	);
	return {
		rows: await withRoles(ctx, rows.slice(0, LIST_LIMIT)),
		truncated: rows.length > LIST_LIMIT
	};
}

/** The choices for the staff list's filter form, limited to what the actor may see. */
export async function getStaffFilterOptions(
	ctx: AppContext,
	actor: Actor
): Promise<{
	branches: { code: string; name: string }[];
	positions: string[];
	statuses: StaffStatus[];
}> {
	const scope = branchScope(requireUser(actor));
	const branches = (await data.selectBranches(ctx.db, scope)).map((b) => ({
		code: b.code,
		name: b.name
	}));
	const counts = summarise(await data.selectStaffCounts(ctx.db, scope), []);
	return {
		branches,
		positions: counts.positions.map((p) => p.position),
		statuses: [...STAFF_STATUSES]
	};
}

/** Head counts for the whole office by branch and position: HR and admin only. */
export async function getOrgOverview(
	ctx: AppContext,
	actor: Actor
): Promise<{ branches: BranchSummary[]; positions: PositionSummary[]; totals: HeadCount }> {
	const user = requireUser(actor);
	if (branchScope(user) !== null) throw new Forbidden('the office overview is for HR and admin');
	return summarise(
		await data.selectStaffCounts(ctx.db, null),
		await data.selectBranches(ctx.db, null)
	);
}

/** One branch with its staff and head counts; a branch manager may open only their own. */
export async function getBranchDetail(
	ctx: AppContext,
	actor: Actor,
	code: string
): Promise<{
	branch: { code: string; name: string; type: BranchType; parentName: string | null };
	staff: StaffListItem[];
	positions: PositionSummary[];
	totals: HeadCount;
}> {
	const user = requireUser(actor);
	branchScope(user);
	const found = await data.selectBranchByCode(ctx.db, code);
	// Outsiders learn nothing about which codes exist: missing and foreign look the same to them.
	if (!found) {
		if (branchScope(user) !== null) throw new Forbidden(`branch ${code} is out of scope`);
		throw new NotFound(`branch ${code}`);
	}
	requireBranchAccess(user, found.id);
	const parent = found.parentId ? await data.selectBranchById(ctx.db, found.parentId) : undefined;
	const counts = summarise(await data.selectStaffCounts(ctx.db, [found.id]), [found]);
	const rows = await data.selectStaffList(ctx.db, { branchIds: [found.id] }, LIST_LIMIT);
	return {
		branch: {
			code: found.code,
			name: found.name,
			type: found.type,
			parentName: parent?.name ?? null
		},
		staff: await withRoles(ctx, rows),
		positions: counts.positions,
		totals: counts.totals
	};
}

/** One person's record; a branch manager asking about another branch's staff is refused. */
export async function getStaffProfile(
	ctx: AppContext,
	actor: Actor,
	employeeNo: string
): Promise<{
	person: StaffListItem;
	canManage: boolean;
	canGrantAdmin: boolean;
	isSelf: boolean;
	allRoles: Role[];
	/** Moves between branches and positions, newest first. */
	history: data.TransferRow[];
}> {
	const user = requireUser(actor);
	branchScope(user);
	const row = await data.selectStaffRow(ctx.db, employeeNo);
	if (!row) {
		if (branchScope(user) !== null) throw new Forbidden(`staff ${employeeNo} is out of scope`);
		throw new NotFound(`staff ${employeeNo}`);
	}
	requireBranchAccess(user, row.branchId);
	const [person] = await withRoles(ctx, [row]);
	return {
		person: person as StaffListItem,
		canManage: canManageStaff(user),
		canGrantAdmin: canManageAdmins(user),
		isSelf: row.id === user.id,
		allRoles: [...ROLES],
		history: await data.selectTransfersOf(ctx.db, row.id)
	};
}

/** What the signed-in person's own home page shows about them. */
export async function getMySummary(
	ctx: AppContext,
	actor: Actor
): Promise<StaffListItem & { canSeeOwnBranch: boolean }> {
	const user = requireUser(actor);
	const row = await data.selectStaffRowById(ctx.db, user.id);
	if (!row) throw new NotFound(`staff ${user.employeeNo}`);
	const [me] = await withRoles(ctx, [row]);
	return { ...(me as StaffListItem), canSeeOwnBranch: canSeeBranch(user, row.branchId) };
}

// For other domains: reads they need. They take no person (the calling service has checked) and
// the handle to read on, `ctx.db` or the caller's `tx`.

export {
	selectBranchByCode,
	selectBranchById,
	selectBranches,
	selectRolesOf,
	selectStaffList,
	selectStaffNames,
	selectStaffRow,
	selectStaffRowById,
	type StaffFilter,
	type StaffRow
} from './data';
// Lists and lookups other domains used to keep their own copies of: ask here instead.
export {
	selectActiveStaffOf,
	selectPositions,
	selectStaffNamesIn,
	selectStaffWhere,
	type StaffQuery
} from './data';
