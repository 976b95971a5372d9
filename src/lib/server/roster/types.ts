import type { BranchType, Role, StaffStatus } from '../../org/enums';
import type { Problem } from '../errors';

/** The roster file's columns, by their canonical English names. */
export const ROSTER_FIELDS = [
	'employee_no',
	'name',
	'branch_code',
	'branch_name',
	'branch_type',
	'position',
	'hire_date',
	'roles',
	'status',
	'effective_date'
] as const;
export type RosterField = (typeof ROSTER_FIELDS)[number];

/** One data row, checked and normalised; `undefined` means the file has no such column. */
export interface RosterRecord {
	/** Line in the file where the record starts (1-based; a quoted newline spans lines). */
	line: number;
	employeeNo: string;
	name: string;
	branchCode: string;
	branchName: string | null;
	branchType: BranchType | null;
	position: string;
	hireDate: string | null | undefined;
	roles: Role[] | undefined;
	status: StaffStatus | undefined;
	/** When a change of branch or position takes effect (YYYY-MM-DD); null/undefined: import day. */
	effectiveDate?: string | null;
}

/** What reading a file yields: the good records and every problem found, row by row. */
export interface RosterFileResult {
	encoding: 'utf-8' | 'gb18030' | null;
	/** Data rows in the file, good and bad. */
	rowCount: number;
	records: RosterRecord[];
	problems: Problem[];
	ignoredColumns: string[];
}

export type StaffField = 'name' | 'branch' | 'position' | 'hireDate' | 'roles' | 'status';

/** One field's planned change; roles are comma-joined role codes, status a status code. */
export interface FieldChange {
	field: StaffField;
	from: string | null;
	to: string | null;
}

export interface StaffChange {
	line: number;
	employeeNo: string;
	name: string;
	kind: 'new' | 'changed';
	changes: FieldChange[];
}

export interface NewBranch {
	code: string;
	name: string;
	type: BranchType;
}

// A type alias, not an interface, so it fits the JSON summary column's Record<string, number>.
export type RosterCounts = {
	rows: number;
	created: number;
	changed: number;
	unchanged: number;
	newBranches: number;
	problems: number;
};
