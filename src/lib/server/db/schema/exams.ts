import { id } from './columns';
import { sql } from 'drizzle-orm';
import {
	index,
	integer,
	primaryKey,
	real,
	sqliteTable,
	text,
	uniqueIndex,
	type AnySQLiteColumn
} from 'drizzle-orm/sqlite-core';
import { EXAM_PURPOSES, PARTIAL_CREDIT, REVIEW_POLICIES, SWITCH_KINDS } from '../../../exams/enums';
import { PRACTICE_KINDS } from '../../../practice/enums';
import { course } from './courses';
import { branch, staff } from './org';

/** A quiz or exam: what to draw (the blueprint), how long, how it is passed and reviewed. */
export const examDefinition = sqliteTable(
	'exam_definition',
	{
		id: id(),
		title: text('title').notNull(),
		purpose: text('purpose', { enum: EXAM_PURPOSES }).notNull(),
		description: text('description').notNull().default(''),
		/** BlueprintRule[] (see exams/blueprint.ts). */
		blueprint: text('blueprint', { mode: 'json' }).$type<unknown[]>().notNull(),
		timeLimitMinutes: integer('time_limit_minutes'),
		passMark: real('pass_mark').notNull(),
		/** Null: unlimited (practice quizzes). */
		attemptsAllowed: integer('attempts_allowed'),
		shuffleOptions: integer('shuffle_options', { mode: 'boolean' }).notNull().default(true),
		partialCredit: text('partial_credit', { enum: PARTIAL_CREDIT }).notNull().default('none'),
		reviewPolicy: text('review_policy', { enum: REVIEW_POLICIES }).notNull(),
		windowOpensAt: integer('window_opens_at'),
		windowClosesAt: integer('window_closes_at'),
		/** Practice quizzes may belong to a course, and to one lesson of it (lesson-end quiz). */
		courseId: integer('course_id').references(() => course.id),
		lessonKey: text('lesson_key'),
		active: integer('active', { mode: 'boolean' }).notNull().default(true),
		/**
		 * Integrity (切屏) for formal exams: submit automatically at this many switches away from
		 * the page (null: count and record, never submit). Practice quizzes never count.
		 */
		switchLimit: integer('switch_limit'),
		/** Leaving full screen counts as a switch; the page asks for full screen first. */
		requireFullscreen: integer('require_fullscreen', { mode: 'boolean' }).notNull().default(false),
		createdBy: integer('created_by').references(() => staff.id),
		createdAt: integer('created_at').notNull(),
		updatedAt: integer('updated_at').notNull(),
		/** Made by the practice domain (see practice/enums.ts), never listed as an exam; else null. */
		practiceKind: text('practice_kind', { enum: PRACTICE_KINDS }),
		/** For a mock: the formal exam whose blueprint it copies. */
		mockOf: integer('mock_of').references((): AnySQLiteColumn => examDefinition.id)
	},
	(t) => [
		index('exam_definition_course_idx').on(t.courseId),
		index('exam_definition_purpose_idx').on(t.purpose)
	]
);

/** One sitting of an exam by one person, with its frozen paper. */
export const attempt = sqliteTable(
	'attempt',
	{
		id: id(),
		examId: integer('exam_id')
			.notNull()
			.references(() => examDefinition.id),
		staffId: integer('staff_id')
			.notNull()
			.references(() => staff.id),
		attemptNo: integer('attempt_no').notNull(),
		/** The RNG seed the paper was drawn with: the same seed redraws the same paper. */
		seed: text('seed').notNull(),
		/** PaperItem[]: question versions, points and option order, frozen at start. */
		paper: text('paper', { mode: 'json' }).$type<unknown[]>().notNull(),
		status: text('status', { enum: ['open', 'submitted'] })
			.notNull()
			.default('open'),
		startedAt: integer('started_at').notNull(),
		deadline: integer('deadline'),
		extraTimeMs: integer('extra_time_ms').notNull().default(0),
		submittedAt: integer('submitted_at'),
		submittedBy: text('submitted_by', { enum: ['self', 'sweeper', 'switch_limit'] }),
		score: real('score'),
		maxScore: real('max_score').notNull(),
		percent: real('percent'),
		passed: integer('passed', { mode: 'boolean' }),
		/**
		 * The person's branch and position when the attempt started: reports group by these, so a
		 * transfer moves no old result. Null only in rows written without them (raw fixtures);
		 * reports then fall back to the person's current ones.
		 */
		branchId: integer('branch_id').references(() => branch.id),
		position: text('position')
	},
	(t) => [
		// One open attempt per person per exam: a second start resumes it.
		uniqueIndex('attempt_one_open_uq')
			.on(t.examId, t.staffId)
			.where(sql`status = 'open'`),
		// Covering for the reports' per-person lookups (a spot campaign's results, certification
		// history): status, start and result read from the index, not 5 million scattered rows.
		index('attempt_staff_exam_idx').on(t.staffId, t.examId, t.status, t.startedAt, t.passed),
		index('attempt_exam_idx').on(t.examId, t.status),
		// The results detail export and its count: submitted attempts in a date range, in
		// submission order. Partial and covering (staff, exam) so the count never reads a row.
		index('attempt_submitted_idx')
			.on(t.submittedAt, t.staffId, t.examId)
			.where(sql`status = 'submitted'`),
		index('attempt_open_deadline_idx')
			.on(t.deadline)
			.where(sql`status = 'open'`)
	]
);

/** The latest answer per paper position; a save with an older sequence number never wins. */
export const attemptAnswer = sqliteTable(
	'attempt_answer',
	{
		attemptId: integer('attempt_id')
			.notNull()
			.references(() => attempt.id),
		position: integer('position').notNull(),
		questionVersionId: integer('question_version_id').notNull(),
		answer: text('answer', { mode: 'json' }),
		flagged: integer('flagged', { mode: 'boolean' }).notNull().default(false),
		seq: integer('seq').notNull(),
		savedAt: integer('saved_at').notNull(),
		correct: integer('correct', { mode: 'boolean' }),
		score: real('score')
	},
	(t) => [
		primaryKey({ columns: [t.attemptId, t.position] }),
		index('attempt_answer_qv_idx').on(t.questionVersionId)
	]
);

/**
 * Append-only: each time a formal exam's page lost focus, visibility or full screen (切屏), as
 * the examinee's browser reported it. Once per client event id, so a retried report counts once.
 * A deterrent and a record, not proof: a browser can be made to stay silent.
 */
export const attemptSwitch = sqliteTable(
	'attempt_switch',
	{
		id: id(),
		attemptId: integer('attempt_id')
			.notNull()
			.references(() => attempt.id),
		clientEventId: text('client_event_id').notNull(),
		kind: text('kind', { enum: SWITCH_KINDS }).notNull(),
		/** Server time when the report arrived. */
		recordedAt: integer('recorded_at').notNull()
	},
	(t) => [uniqueIndex('attempt_switch_event_uq').on(t.attemptId, t.clientEventId)]
);

/** Extra time granted to a person for an exam (an accommodation); applies to open attempts too. */
export const extraTime = sqliteTable('extra_time', {
	id: id(),
	examId: integer('exam_id')
		.notNull()
		.references(() => examDefinition.id),
	staffId: integer('staff_id')
		.notNull()
		.references(() => staff.id),
	minutes: integer('minutes').notNull(),
	reason: text('reason').notNull(),
	grantedBy: integer('granted_by').references(() => staff.id),
	grantedAt: integer('granted_at').notNull()
});

export type ExamDefinition = typeof examDefinition.$inferSelect;
export type Attempt = typeof attempt.$inferSelect;
export type AttemptAnswer = typeof attemptAnswer.$inferSelect;
export type AttemptSwitch = typeof attemptSwitch.$inferSelect;

/**
 * Submitted attempts counted per exam × office month × branch, kept in step with `attempt` by the
 * submit transaction (reports/attempt-summary.ts). Pass-rate reports group 5 million attempts by
 * branch and month; scanning them costs seconds even through a covering index, whereas this
 * table holds a few thousand rows, so the report costs about as much as a COUNT(*). The branch is
 * the attempt's own (the person's when it started): a transfer does not move old results, and
 * the live counts and a rebuild agree.
 */
export const attemptMonthSummary = sqliteTable(
	'attempt_month_summary',
	{
		examId: integer('exam_id')
			.notNull()
			.references(() => examDefinition.id),
		/** YYYY-MM on the office clock (src/lib/time/office.ts; SQL from db/dialect.ts). */
		month: text('month').notNull(),
		branchId: integer('branch_id').notNull(),
		sat: integer('sat').notNull(),
		passed: integer('passed').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.examId, t.month, t.branchId] }),
		index('attempt_month_summary_month_idx').on(t.month, t.branchId)
	]
);
