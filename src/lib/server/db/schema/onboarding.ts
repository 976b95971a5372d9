import { id } from './columns';
import {
	index,
	integer,
	real,
	sqliteTable,
	text,
	uniqueIndex,
	type AnySQLiteColumn
} from 'drizzle-orm/sqlite-core';
import { PLAN_STATUSES } from '../../../onboarding/enums';
import { course } from './courses';
import { branch, staff } from './org';

/** A new hire's way to duty (上岗): seat hours plus signed practicum days. */
export const onboardingPlan = sqliteTable(
	'onboarding_plan',
	{
		id: id(),
		staffId: integer('staff_id')
			.notNull()
			.references(() => staff.id),
		startDate: text('start_date').notNull(),
		/** The date by which the person should be cleared: see dueDateFor() in onboarding/rules.ts. */
		dueDate: text('due_date').notNull(),
		seatCourseId: integer('seat_course_id')
			.notNull()
			.references(() => course.id),
		seatHoursRequired: real('seat_hours_required').notNull(),
		practicumDaysRequired: integer('practicum_days_required').notNull(),
		status: text('status', { enum: PLAN_STATUSES }).notNull().default('open'),
		clearedOn: text('cleared_on'),
		clearedAt: integer('cleared_at'),
		// A cancelled plan keeps its rows; these say who called it off, when and why.
		cancelledAt: integer('cancelled_at'),
		cancelledBy: integer('cancelled_by').references(() => staff.id),
		cancelReason: text('cancel_reason'),
		createdBy: integer('created_by').references(() => staff.id),
		createdAt: integer('created_at').notNull(),
		/** The person's branch and position when the plan was made; null: not recorded. */
		branchId: integer('branch_id').references(() => branch.id),
		position: text('position')
	},
	(t) => [
		index('onboarding_plan_staff_idx').on(t.staffId),
		index('onboarding_plan_status_idx').on(t.status)
	]
);

/** 老带新: who mentors whom, from when to when; a change of mentor ends one row and starts another. */
export const mentorPairing = sqliteTable(
	'mentor_pairing',
	{
		id: id(),
		mentorId: integer('mentor_id')
			.notNull()
			.references(() => staff.id),
		menteeId: integer('mentee_id')
			.notNull()
			.references(() => staff.id),
		planId: integer('plan_id').references(() => onboardingPlan.id),
		fromDate: text('from_date').notNull(),
		toDate: text('to_date'),
		purpose: text('purpose').notNull(),
		endReason: text('end_reason'),
		createdBy: integer('created_by').references(() => staff.id),
		createdAt: integer('created_at').notNull()
	},
	(t) => [
		index('mentor_pairing_mentor_idx').on(t.mentorId),
		index('mentor_pairing_mentee_idx').on(t.menteeId)
	]
);

/** Tasks a mentor can tick for a practicum day, per position ('*' for every position). */
export const practicumTask = sqliteTable(
	'practicum_task',
	{
		id: id(),
		position: text('position').notNull(),
		code: text('code').notNull(),
		label: text('label').notNull(),
		sortOrder: integer('sort_order').notNull(),
		retired: integer('retired', { mode: 'boolean' }).notNull().default(false)
	},
	(t) => [uniqueIndex('practicum_task_position_code_uq').on(t.position, t.code)]
);

/**
 * One practicum day's log, signed by the mentor as it is written. Rows are never changed: a
 * correction is a new row that supersedes the old one and says why.
 */
export const practicumDay = sqliteTable(
	'practicum_day',
	{
		id: id(),
		planId: integer('plan_id')
			.notNull()
			.references(() => onboardingPlan.id),
		dayNumber: integer('day_number').notNull(),
		workDate: text('work_date').notNull(),
		mentorId: integer('mentor_id')
			.notNull()
			.references(() => staff.id),
		tasks: text('tasks', { mode: 'json' }).$type<string[]>().notNull(),
		hours: real('hours').notNull(),
		observations: text('observations').notNull().default(''),
		signedAt: integer('signed_at').notNull(),
		supersedesId: integer('supersedes_id').references((): AnySQLiteColumn => practicumDay.id),
		correctionReason: text('correction_reason')
	},
	(t) => [
		index('practicum_day_plan_idx').on(t.planId, t.dayNumber),
		// A row can be superseded by one correction only, so "current" is never ambiguous.
		uniqueIndex('practicum_day_supersedes_uq').on(t.supersedesId)
	]
);

export const SIGNATURE_KINDS = ['mentee_ack', 'countersign'] as const;

/** The mentee's acknowledgement and the branch manager's countersignature, each given once. */
export const practicumSignature = sqliteTable(
	'practicum_signature',
	{
		id: id(),
		dayId: integer('day_id')
			.notNull()
			.references(() => practicumDay.id),
		kind: text('kind', { enum: SIGNATURE_KINDS }).notNull(),
		staffId: integer('staff_id')
			.notNull()
			.references(() => staff.id),
		signedAt: integer('signed_at').notNull()
	},
	(t) => [uniqueIndex('practicum_signature_once_uq').on(t.dayId, t.kind)]
);

/** Any other mentoring conversation, logged by the mentor. */
export const mentoringNote = sqliteTable(
	'mentoring_note',
	{
		id: id(),
		pairingId: integer('pairing_id')
			.notNull()
			.references(() => mentorPairing.id),
		heldOn: text('held_on').notNull(),
		minutes: integer('minutes').notNull(),
		topic: text('topic').notNull(),
		notes: text('notes').notNull().default(''),
		createdBy: integer('created_by')
			.notNull()
			.references(() => staff.id),
		createdAt: integer('created_at').notNull()
	},
	(t) => [index('mentoring_note_pairing_idx').on(t.pairingId)]
);

export type OnboardingPlan = typeof onboardingPlan.$inferSelect;
export type PracticumDay = typeof practicumDay.$inferSelect;
export type MentorPairing = typeof mentorPairing.$inferSelect;
