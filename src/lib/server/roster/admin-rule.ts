import type { Role } from '../../org/enums';
import type { Problem } from '../errors';
import { columnLabel } from './columns';
import type { FieldChange, RosterField, RosterRecord, StaffField } from './types';

const COLUMN_OF: Record<StaffField, RosterField> = {
	name: 'name',
	branch: 'branch_code',
	position: 'position',
	hireDate: 'hire_date',
	roles: 'roles',
	status: 'status'
};

/**
 * Only an admin grants admin, takes it away, or changes anything about a person who holds it
 * (marking them as left included); without this rule HR could import their way to admin.
 * Checked for importers who are not admins; null when the row keeps to the rule. Pure.
 */
export function checkAdminRule(
	record: RosterRecord,
	roles: Role[],
	previous: { roles: Role[] } | undefined,
	changes: FieldChange[]
): Problem | null {
	const at = { line: record.line, value: record.employeeNo };
	if (previous?.roles.includes('admin')) {
		// Point at the column that matters most: losing admin, then being marked as left.
		const change =
			changes.find((c) => c.field === 'roles') ??
			changes.find((c) => c.field === 'status') ??
			changes[0];
		if (!change) return null;
		const field = COLUMN_OF[change.field];
		return {
			key: 'roster.error.adminProtected',
			field,
			params: { ...at, column: columnLabel(field) }
		};
	}
	if (!roles.includes('admin')) return null;
	return {
		key: 'roster.error.adminGrant',
		field: 'roles',
		params: { ...at, column: columnLabel('roles') }
	};
}
