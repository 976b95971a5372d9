import type { Problem } from '../errors';
import type { CsvRow } from '../files/service';
import type { ColumnMap } from './columns';
import type { RosterField, RosterRecord } from './types';
import type { Steps } from '../steps';
import {
	parseBranchType,
	parseHireDate,
	parseRoles,
	parseStatus,
	type EmployeeNoCheck
} from './values';

/** Rows checked between two turns of the event loop when a job paces the work. */
export const VALIDATE_CHUNK = 2000;

// Generous limits that still stop a pasted paragraph from becoming somebody's name.
const MAX_LENGTH: Partial<Record<RosterField, number>> = {
	employee_no: 32,
	name: 64,
	branch_code: 32,
	branch_name: 100,
	position: 64
};

interface BranchSeen {
	name: string | null;
	nameLine: number;
	type: string | null;
	typeText: string;
	typeLine: number;
}

/**
 * Checks every data row on its own and against the other rows of the same file (duplicate
 * employee numbers, one branch code described two ways). Knows nothing of the database.
 * Yields how many rows it has checked every VALIDATE_CHUNK rows.
 */
export function* validateRows(
	rows: CsvRow[],
	columns: ColumnMap,
	checkEmployeeNo: EmployeeNoCheck
): Steps<{ records: RosterRecord[]; problems: Problem[] }, number> {
	const records: RosterRecord[] = [];
	const problems: Problem[] = [];
	const firstLineOf = new Map<string, number>();
	const branchSeen = new Map<string, BranchSeen>();

	for (const [index, row] of rows.entries()) {
		if (index > 0 && index % VALIDATE_CHUNK === 0) yield index;
		const before = problems.length;
		const report = (key: Problem['key'], field: RosterField | null, params = {}): void => {
			const column = field ? (columns.header[field] ?? field) : '';
			problems.push({
				key,
				field: field ?? undefined,
				params: { line: row.line, column, ...params }
			});
		};
		const cell = (field: RosterField): string | undefined => {
			const i = columns.index[field];
			return i === undefined ? undefined : (row.cells[i] ?? '').trim();
		};
		const text = (field: RosterField, required: boolean): string => {
			const value = cell(field) ?? '';
			if (required && !value) report('roster.error.required', field);
			const max = MAX_LENGTH[field];
			if (max && value.length > max)
				report('roster.error.tooLong', field, { length: value.length, max });
			return value;
		};

		if (row.cells.slice(columns.width).some((c) => c.trim() !== '')) {
			const extra = row.cells.length - columns.width;
			report('roster.error.extraCells', null, { count: row.cells.length, extra });
		}
		const employeeNo = text('employee_no', true);
		const badEmployeeNo = employeeNo ? checkEmployeeNo(employeeNo) : null;
		if (badEmployeeNo) report(badEmployeeNo.key, 'employee_no', badEmployeeNo.params);
		const name = text('name', true);
		const branchCode = text('branch_code', true);
		const branchName = text('branch_name', false) || null;
		const position = text('position', true);

		const type = parseBranchType(cell('branch_type') ?? '');
		if (!type.ok) report('roster.error.unknownBranchType', 'branch_type', { value: type.value });
		const roles = cell('roles') === undefined ? undefined : parseRoles(cell('roles') ?? '');
		if (roles && !roles.ok) report('roster.error.unknownRole', 'roles', { value: roles.value });
		const status = cell('status') === undefined ? undefined : parseStatus(cell('status') ?? '');
		if (status && !status.ok)
			report('roster.error.unknownStatus', 'status', { value: status.value });
		const hire =
			cell('hire_date') === undefined ? undefined : parseHireDate(cell('hire_date') ?? '');
		if (hire && !hire.ok) {
			const key =
				hire.reason === 'format' ? 'roster.error.dateFormat' : 'roster.error.dateImpossible';
			report(key, 'hire_date', { value: hire.value });
		}

		const effective =
			cell('effective_date') === undefined
				? undefined
				: parseHireDate(cell('effective_date') ?? '');
		if (effective && !effective.ok) {
			const key =
				effective.reason === 'format' ? 'roster.error.dateFormat' : 'roster.error.dateImpossible';
			report(key, 'effective_date', { value: effective.value });
		}

		if (employeeNo) {
			const first = firstLineOf.get(employeeNo);
			if (first !== undefined) {
				report('roster.error.duplicateEmployeeNo', 'employee_no', {
					value: employeeNo,
					firstLine: first
				});
			} else firstLineOf.set(employeeNo, row.line);
		}

		const branchType = type.ok ? type.value : null;
		if (branchCode) {
			const typeText = cell('branch_type') ?? '';
			const seen = branchSeen.get(branchCode);
			if (!seen) {
				branchSeen.set(branchCode, {
					name: branchName,
					nameLine: row.line,
					type: branchType,
					typeText,
					typeLine: row.line
				});
			} else {
				// Blank cells on later rows are fine: the branch was described once already.
				if (branchName && seen.name && branchName !== seen.name) {
					report('roster.error.branchConflict', 'branch_name', {
						code: branchCode,
						value: branchName,
						first: seen.name,
						firstLine: seen.nameLine
					});
				}
				if (branchType && seen.type && branchType !== seen.type) {
					report('roster.error.branchConflict', 'branch_type', {
						code: branchCode,
						value: typeText,
						first: seen.typeText,
						firstLine: seen.typeLine
					});
				}
				if (!seen.name && branchName) Object.assign(seen, { name: branchName, nameLine: row.line });
				if (!seen.type && branchType)
					Object.assign(seen, { type: branchType, typeText, typeLine: row.line });
			}
		}

		if (problems.length > before) continue;
		records.push({
			line: row.line,
			employeeNo,
			name,
			branchCode,
			branchName,
			branchType,
			position,
			hireDate: hire?.ok ? hire.value : undefined,
			roles: roles?.ok ? roles.value : undefined,
			status: status?.ok ? status.value : undefined,
			effectiveDate: effective?.ok ? effective.value : undefined
		});
	}
	return { records, problems };
}
