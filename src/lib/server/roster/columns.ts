import type { Problem } from '../errors';
import { matchHeaders, type HeaderMatch } from '../files/service';
import { ROSTER_FIELDS, type RosterField } from './types';

/** Header names accepted for each column, Chinese first; compared after normalising. */
export const COLUMN_ALIASES: Record<RosterField, readonly string[]> = {
	employee_no: ['工号', 'employee_no'],
	name: ['姓名', 'name'],
	branch_code: ['机构代码', 'branch_code'],
	branch_name: ['机构名称', 'branch_name'],
	branch_type: ['机构类型', 'branch_type'],
	position: ['岗位', 'position'],
	hire_date: ['入职日期', 'hire_date'],
	roles: ['角色', 'roles', 'role'],
	status: ['状态', 'status'],
	effective_date: ['生效日期', '调动日期', 'effective_date']
};

/** Columns a file must have; branch_name is checked per row, only for branches that are new. */
export const REQUIRED_COLUMNS: readonly RosterField[] = [
	'employee_no',
	'name',
	'branch_code',
	'position'
];

export type ColumnMap = Omit<HeaderMatch<RosterField>, 'duplicates'>;

/** How a missing column is named in messages: both languages, as the format help shows it. */
export function columnLabel(field: RosterField): string {
	return COLUMN_ALIASES[field].slice(0, 2).join('/');
}

/** Matches the header line to known columns; a missing required column is a problem. */
export function resolveColumns(
	headers: string[],
	line: number
): { columns: ColumnMap; problems: Problem[] } {
	const { duplicates, ...columns } = matchHeaders(headers, COLUMN_ALIASES);
	const problems: Problem[] = duplicates.map(({ column, other }) => ({
		key: 'roster.error.duplicateColumn',
		params: { line, column, other }
	}));
	const missing = REQUIRED_COLUMNS.filter((field) => columns.index[field] === undefined);
	if (missing.length > 0) {
		problems.push({
			key: 'roster.error.missingColumns',
			params: { line, columns: missing.map(columnLabel).join(', ') }
		});
	}
	return { columns, problems };
}

export interface ColumnHelp {
	field: RosterField;
	names: string[];
	need: 'required' | 'optional' | 'newBranch';
}

/** The accepted columns as the upload page's format help lists them: one source of truth. */
export function describeColumns(): ColumnHelp[] {
	return ROSTER_FIELDS.map((field) => ({
		field,
		names: [...COLUMN_ALIASES[field]],
		need: REQUIRED_COLUMNS.includes(field)
			? 'required'
			: field === 'branch_name' || field === 'branch_type'
				? 'newBranch'
				: 'optional'
	}));
}
