import { id } from './columns';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { ASSIGNMENT_ROLES, SAMPLE_MODES, SPOT_EVENT_KINDS } from '../../../spot/enums';
import { examDefinition } from './exams';
import { course } from './courses';
import { branch, staff } from './org';

/** A monthly spot exam (抽考): who is eligible, how many to draw per branch, when it is open. */
export const spotCampaign = sqliteTable(
	'spot_campaign',
	{
		id: id(),
		examId: integer('exam_id')
			.notNull()
			.references(() => examDefinition.id),
		title: text('title').notNull(),
		/** YYYY-MM: the month the campaign reports under. */
		month: text('month').notNull(),
		windowOpensAt: integer('window_opens_at').notNull(),
		windowClosesAt: integer('window_closes_at').notNull(),
		/** Positions drawn from (empty = all) and branch ids (empty = all); status is always active. */
		positions: text('positions', { mode: 'json' }).$type<string[]>().notNull(),
		branchIds: text('branch_ids', { mode: 'json' }).$type<number[]>().notNull(),
		sampleMode: text('sample_mode', { enum: SAMPLE_MODES }).notNull(),
		/** Percent (1–100) or a number of people per branch. */
		sampleValue: integer('sample_value').notNull(),
		/** Leave out people examined in a spot exam in the last K months (0 = nobody). */
		excludeMonths: integer('exclude_months').notNull().default(0),
		alternatesPerBranch: integer('alternates_per_branch').notNull().default(0),
		retestsAllowed: integer('retests_allowed').notNull().default(1),
		/** Optional remedial lesson for people who fail. */
		remedialCourseId: integer('remedial_course_id').references(() => course.id),
		remedialLessonKey: text('remedial_lesson_key'),
		createdBy: integer('created_by').references(() => staff.id),
		createdAt: integer('created_at').notNull()
	},
	(t) => [
		index('spot_campaign_month_idx').on(t.month),
		index('spot_campaign_exam_idx').on(t.examId)
	]
);

/** One draw of a campaign; a redraw voids the previous one (before the window opens) and says why. */
export const spotDraw = sqliteTable(
	'spot_draw',
	{
		id: id(),
		campaignId: integer('campaign_id')
			.notNull()
			.references(() => spotCampaign.id),
		seed: text('seed').notNull(),
		drawnAt: integer('drawn_at').notNull(),
		drawnBy: integer('drawn_by').references(() => staff.id),
		voidedAt: integer('voided_at'),
		voidedBy: integer('voided_by').references(() => staff.id),
		voidReason: text('void_reason')
	},
	(t) => [index('spot_draw_campaign_idx').on(t.campaignId)]
);

/** The drawn list: never changed after the draw. Absence, exemption and replacement are events. */
export const spotAssignment = sqliteTable(
	'spot_assignment',
	{
		id: id(),
		drawId: integer('draw_id')
			.notNull()
			.references(() => spotDraw.id),
		staffId: integer('staff_id')
			.notNull()
			.references(() => staff.id),
		branchId: integer('branch_id')
			.notNull()
			.references(() => branch.id),
		role: text('role', { enum: ASSIGNMENT_ROLES }).notNull(),
		/** The person's position when drawn (branch_id is their branch then); null: not recorded. */
		position: text('position'),
		/** Order within the branch: alternates are called up in this order. */
		rank: integer('rank').notNull()
	},
	(t) => [
		uniqueIndex('spot_assignment_draw_staff_uq').on(t.drawId, t.staffId),
		index('spot_assignment_staff_idx').on(t.staffId)
	]
);

/** Append-only: what happened to an assignment, by whom, when and why. */
export const spotEvent = sqliteTable(
	'spot_event',
	{
		id: id(),
		assignmentId: integer('assignment_id')
			.notNull()
			.references(() => spotAssignment.id),
		kind: text('kind', { enum: SPOT_EVENT_KINDS }).notNull(),
		reason: text('reason').notNull().default(''),
		/** For replaced_by: the alternate's assignment that takes this person's place. */
		otherAssignmentId: integer('other_assignment_id').references(() => spotAssignment.id),
		recordedBy: integer('recorded_by').references(() => staff.id),
		recordedAt: integer('recorded_at').notNull()
	},
	(t) => [index('spot_event_assignment_idx').on(t.assignmentId)]
);

export type SpotCampaign = typeof spotCampaign.$inferSelect;
export type SpotAssignment = typeof spotAssignment.$inferSelect;
