import { id } from './columns';
import {
	type AnySQLiteColumn,
	index,
	integer,
	primaryKey,
	sqliteTable,
	text
} from 'drizzle-orm/sqlite-core';

import { BRANCH_TYPES, ROLES, STAFF_STATUSES } from '../../../org/enums';

export const branch = sqliteTable(
	'branch',
	{
		id: id(),
		code: text('code').notNull().unique(),
		name: text('name').notNull(),
		type: text('type', { enum: BRANCH_TYPES }).notNull(),
		parentId: integer('parent_id').references((): AnySQLiteColumn => branch.id),
		createdAt: integer('created_at').notNull()
	},
	(t) => [index('branch_parent_idx').on(t.parentId)]
);

export const staff = sqliteTable(
	'staff',
	{
		id: id(),
		employeeNo: text('employee_no').notNull().unique(),
		name: text('name').notNull(),
		branchId: integer('branch_id')
			.notNull()
			.references(() => branch.id),
		position: text('position').notNull(),
		/** Calendar date YYYY-MM-DD: a day, not an instant. */
		hireDate: text('hire_date'),
		status: text('status', { enum: STAFF_STATUSES }).notNull().default('active'),
		passwordHash: text('password_hash'),
		mustChangePassword: integer('must_change_password', { mode: 'boolean' })
			.notNull()
			.default(true),
		locale: text('locale'),
		createdAt: integer('created_at').notNull(),
		updatedAt: integer('updated_at').notNull()
	},
	(t) => [
		index('staff_branch_idx').on(t.branchId),
		index('staff_position_idx').on(t.position),
		index('staff_status_idx').on(t.status)
	]
);

export const staffRole = sqliteTable(
	'staff_role',
	{
		staffId: integer('staff_id')
			.notNull()
			.references(() => staff.id, { onDelete: 'cascade' }),
		role: text('role', { enum: ROLES }).notNull()
	},
	(t) => [primaryKey({ columns: [t.staffId, t.role] }), index('staff_role_role_idx').on(t.role)]
);

/**
 * A person's history: each move to another branch or position, from the day it took effect.
 * Results keep the branch and position the person had when they happened (attempt, spot
 * assignment, hour entry and onboarding plan carry their own), so a transfer moves no old result.
 */
export const staffTransfer = sqliteTable(
	'staff_transfer',
	{
		id: id(),
		staffId: integer('staff_id')
			.notNull()
			.references(() => staff.id),
		/** Calendar date YYYY-MM-DD (office day) from which the new branch and position hold. */
		effectiveOn: text('effective_on').notNull(),
		fromBranchId: integer('from_branch_id')
			.notNull()
			.references(() => branch.id),
		toBranchId: integer('to_branch_id')
			.notNull()
			.references(() => branch.id),
		fromPosition: text('from_position').notNull(),
		toPosition: text('to_position').notNull(),
		/** The roster import that recorded it; null when recorded another way. */
		importId: integer('import_id'),
		recordedBy: integer('recorded_by').references(() => staff.id),
		recordedAt: integer('recorded_at').notNull()
	},
	(t) => [index('staff_transfer_staff_idx').on(t.staffId, t.effectiveOn)]
);

export type Branch = typeof branch.$inferSelect;
export type Staff = typeof staff.$inferSelect;
export type StaffTransfer = typeof staffTransfer.$inferSelect;
