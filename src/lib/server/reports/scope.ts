/**
 * Who may run reports, and over which branches. HR and admin see the office; a branch manager
 * sees only their branch; the command line acts as the system with office-wide scope.
 */
import type { ReportFilters } from '../../reports/types';
import { branchScope, canSeeReports, requirePermission } from '../auth/permissions';
import type { SessionUser } from '../auth/session';
import type { Db } from '../db';
import { Forbidden, NotFound } from '../errors';
import { isSystemActor, type SystemActor } from '../roster/actor';
import { selectBranchById, selectBranchByCode } from '../org/service';

export type ReportActor = SessionUser | SystemActor | null | undefined;

export interface ReportScope {
	/** Null for the whole office. */
	branchIds: number[] | null;
	/**
	 * Who the reused domain services see as the reader. They take a SessionUser; for the system
	 * this is a read-only stand-in holding 'hr' (no staff row, id 0) so their own guards pass
	 * with office-wide scope. It never reaches anything that writes or audits.
	 */
	viewer: SessionUser;
}

const SYSTEM_VIEWER: SessionUser = {
	id: 0,
	employeeNo: '',
	name: 'system',
	branchId: 0,
	position: '',
	status: 'active',
	roles: ['hr'],
	mustChangePassword: false,
	locale: null
};

/** Deny unless the actor is the system, HR, admin or a branch manager. */
export function reportScope(actor: ReportActor): ReportScope {
	if (isSystemActor(actor)) return { branchIds: null, viewer: SYSTEM_VIEWER };
	const user = requirePermission(actor, canSeeReports, 'reads reports');
	return { branchIds: branchScope(user), viewer: user };
}

export interface ResolvedScope extends ReportScope {
	/** The one branch the report is about, if any (forced to a manager's own). */
	branch: { id: number; code: string; name: string } | null;
	filters: ReportFilters;
}

/** Applies the scope to the filters: a manager's branch is forced; another branch is Forbidden. */
export async function resolveScope(
	db: Db,
	actor: ReportActor,
	filters: ReportFilters
): Promise<ResolvedScope> {
	const scope = reportScope(actor);
	if (scope.branchIds === null) {
		if (filters.branchCode === null) return { ...scope, branch: null, filters };
		const b = await selectBranchByCode(db, filters.branchCode);
		if (!b) throw new NotFound(`branch ${filters.branchCode}`);
		return { ...scope, branch: { id: b.id, code: b.code, name: b.name }, filters };
	}
	const own = await selectBranchById(db, scope.branchIds[0] ?? -1);
	if (!own) throw new Forbidden('manager without a branch');
	if (filters.branchCode !== null && filters.branchCode !== own.code) {
		throw new Forbidden(
			`branch ${filters.branchCode} is out of scope`,
			'reports.error.branchScope'
		);
	}
	return {
		...scope,
		branch: { id: own.id, code: own.code, name: own.name },
		filters: { ...filters, branchCode: own.code }
	};
}
