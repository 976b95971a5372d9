import type { BranchType, Role, StaffStatus } from '../../org/enums';
import { OFFICE_WIDE } from '../auth/permissions';
import type { Problem } from '../errors';
import { checkAdminRule } from './admin-rule';
import { columnLabel } from './columns';
import type { FieldChange, NewBranch, RosterRecord } from './types';

export interface ExistingBranch {
	id: number;
	code: string;
	name: string;
	type: BranchType;
}

export interface ExistingStaff {
	id: number;
	employeeNo: string;
	name: string;
	branchCode: string;
	position: string;
	hireDate: string | null;
	status: StaffStatus;
	roles: Role[];
}

/** The part of the database an import is compared against. */
export interface RosterSnapshot {
	branches: ExistingBranch[];
	staff: ExistingStaff[];
}

/** A person as they will be after the import. */
export interface PlannedStaff {
	record: RosterRecord;
	/** "B001 河口支局": how the person's branch is shown in a preview. */
	branchLabel: string;
	hireDate: string | null;
	roles: Role[];
	status: StaffStatus;
}

export interface PlannedUpdate extends PlannedStaff {
	previous: ExistingStaff;
	changes: FieldChange[];
}

export interface RosterPlan {
	creates: PlannedStaff[];
	updates: PlannedUpdate[];
	unchanged: number;
	newBranches: NewBranch[];
	problems: Problem[];
}

/** Who plans the import: their own record is guarded, and only an admin may touch admin. */
export interface Planner {
	staffId: number | null;
	isAdmin: boolean;
}

/**
 * Compares checked records with the database: who is new, what changes for whom, which
 * branches must be created, and the problems only the database can reveal. Pure.
 */
export function planRoster(
	records: RosterRecord[],
	snapshot: RosterSnapshot,
	planner: Planner
): RosterPlan {
	const plan: RosterPlan = {
		creates: [],
		updates: [],
		unchanged: 0,
		newBranches: [],
		problems: []
	};
	const branches = new Map(snapshot.branches.map((b) => [b.code, b]));
	const people = new Map(snapshot.staff.map((s) => [s.employeeNo, s]));
	plan.newBranches = planBranches(records, branches, plan.problems);
	const newBranchNames = new Map(plan.newBranches.map((b) => [b.code, b.name]));
	const branchLabel = (code: string): string => {
		const name = branches.get(code)?.name ?? newBranchNames.get(code);
		return name ? `${code} ${name}` : code;
	};
	const refused = (
		next: PlannedStaff,
		previous?: ExistingStaff,
		changes: FieldChange[] = []
	): boolean => {
		if (planner.isAdmin) return false;
		const problem = checkAdminRule(next.record, next.roles, previous, changes);
		if (problem) plan.problems.push(problem);
		return problem !== null;
	};

	for (const record of records) {
		const previous = people.get(record.employeeNo);
		if (!previous) {
			const created: PlannedStaff = {
				record,
				branchLabel: branchLabel(record.branchCode),
				hireDate: record.hireDate ?? null,
				roles: record.roles ?? ['learner'],
				status: record.status ?? 'active'
			};
			if (!refused(created)) plan.creates.push(created);
			continue;
		}
		// A column missing from the file keeps what the database has; see the format help.
		const next: PlannedStaff = {
			record,
			branchLabel: branchLabel(record.branchCode),
			hireDate: record.hireDate === undefined ? previous.hireDate : record.hireDate,
			roles: record.roles ?? previous.roles,
			status: record.status ?? previous.status
		};
		if (previous.id === planner.staffId && wouldLockOut(previous, next)) {
			plan.problems.push({
				key: 'roster.error.selfDemote',
				field: 'roles',
				params: { line: record.line, column: columnLabel('roles') }
			});
			continue;
		}
		const changes = diffStaff(previous, next, branchLabel);
		if (refused(next, previous, changes)) continue;
		if (changes.length === 0) plan.unchanged++;
		else plan.updates.push({ ...next, previous, changes });
	}
	plan.problems.sort((a, b) => Number(a.params?.line ?? 0) - Number(b.params?.line ?? 0));
	return plan;
}

/** What an update changes, field by field, in the order a preview lists them. */
function diffStaff(
	previous: ExistingStaff,
	next: PlannedStaff,
	branchLabel: (code: string) => string
): FieldChange[] {
	const changes: FieldChange[] = [];
	const compare = (field: FieldChange['field'], from: string | null, to: string | null): void => {
		if (from !== to) changes.push({ field, from, to });
	};
	compare('name', previous.name, next.record.name);
	if (previous.branchCode !== next.record.branchCode) {
		changes.push({ field: 'branch', from: branchLabel(previous.branchCode), to: next.branchLabel });
	}
	compare('position', previous.position, next.record.position);
	compare('hireDate', previous.hireDate, next.hireDate);
	compare('roles', previous.roles.join(','), next.roles.join(','));
	compare('status', previous.status, next.status);
	return changes;
}

/** The importer may not strip their own office-wide role or mark themselves as left. */
function wouldLockOut(previous: ExistingStaff, next: PlannedStaff): boolean {
	if (next.status === 'left') return true;
	return OFFICE_WIDE.some((r) => previous.roles.includes(r) && !next.roles.includes(r));
}

/** Branch codes the database lacks, described by the file; one problem per missing detail. */
function planBranches(
	records: RosterRecord[],
	existing: Map<string, ExistingBranch>,
	problems: Problem[]
): NewBranch[] {
	const found = new Map<string, { line: number; name: string | null; type: BranchType | null }>();
	for (const r of records) {
		if (existing.has(r.branchCode)) continue;
		const seen = found.get(r.branchCode);
		if (!seen) found.set(r.branchCode, { line: r.line, name: r.branchName, type: r.branchType });
		else {
			seen.name ??= r.branchName;
			seen.type ??= r.branchType;
		}
	}
	const created: NewBranch[] = [];
	for (const [code, b] of found) {
		const at = { line: b.line, value: code };
		if (!b.name) {
			problems.push({
				key: 'roster.error.branchNameMissing',
				field: 'branch_name',
				params: { ...at, column: columnLabel('branch_name') }
			});
		}
		if (!b.type) {
			problems.push({
				key: 'roster.error.branchTypeMissing',
				field: 'branch_type',
				params: { ...at, column: columnLabel('branch_type') }
			});
		}
		if (b.name && b.type) created.push({ code, name: b.name, type: b.type });
	}
	return created;
}
