import { id } from './columns';
import { index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { ATTENDANCE_METHODS, SESSION_STATUSES } from '../../../classroom/enums';
import { course } from './courses';
import { staff } from './org';

/** A centralized (classroom) training session of a course. */
export const classSession = sqliteTable(
	'class_session',
	{
		id: id(),
		courseId: integer('course_id')
			.notNull()
			.references(() => course.id),
		title: text('title').notNull(),
		startsAt: integer('starts_at').notNull(),
		endsAt: integer('ends_at').notNull(),
		place: text('place').notNull(),
		capacity: integer('capacity').notNull(),
		classHours: real('class_hours').notNull(),
		trainerId: integer('trainer_id')
			.notNull()
			.references(() => staff.id),
		status: text('status', { enum: SESSION_STATUSES }).notNull().default('scheduled'),
		signInCode: text('sign_in_code'),
		signInExpiresAt: integer('sign_in_expires_at'),
		/** Random key of this session's rotating QR sign-in tokens (HMAC), drawn with its code. */
		signInSecret: text('sign_in_secret'),
		createdAt: integer('created_at').notNull(),
		/** Counted in the regulator's anti-money-laundering training table (反洗钱培训). */
		amlTraining: integer('aml_training', { mode: 'boolean' }).notNull().default(false)
	},
	(t) => [
		index('class_session_starts_idx').on(t.startsAt),
		index('class_session_trainer_idx').on(t.trainerId),
		index('class_session_code_idx').on(t.signInCode)
	]
);

export const sessionEnrolment = sqliteTable(
	'session_enrolment',
	{
		sessionId: integer('session_id')
			.notNull()
			.references(() => classSession.id),
		staffId: integer('staff_id')
			.notNull()
			.references(() => staff.id),
		enrolledBy: integer('enrolled_by').references(() => staff.id),
		enrolledAt: integer('enrolled_at').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.sessionId, t.staffId] }),
		index('session_enrolment_staff_idx').on(t.staffId)
	]
);

/** One row per person present; a person-time (人次) each. */
export const sessionAttendance = sqliteTable(
	'session_attendance',
	{
		sessionId: integer('session_id')
			.notNull()
			.references(() => classSession.id),
		staffId: integer('staff_id')
			.notNull()
			.references(() => staff.id),
		method: text('method', { enum: ATTENDANCE_METHODS }).notNull(),
		recordedBy: integer('recorded_by').references(() => staff.id),
		recordedAt: integer('recorded_at').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.sessionId, t.staffId] }),
		index('session_attendance_staff_idx').on(t.staffId)
	]
);

/**
 * Wrong sign-in codes per person, so a six-digit code cannot be guessed: too many wrong codes in
 * a short window lock that person out of code sign-in for a while.
 */
export const signInThrottle = sqliteTable('sign_in_throttle', {
	staffId: integer('staff_id')
		.primaryKey()
		.references(() => staff.id),
	failures: integer('failures').notNull(),
	windowStartedAt: integer('window_started_at').notNull(),
	lockedUntil: integer('locked_until')
});

export type ClassSession = typeof classSession.$inferSelect;
