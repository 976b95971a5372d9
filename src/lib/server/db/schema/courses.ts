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
import { HOUR_KINDS } from '../../../hours/enums';
import { staff } from './org';

export const course = sqliteTable('course', {
	id: id(),
	slug: text('slug').notNull().unique(),
	kind: text('kind', { enum: HOUR_KINDS }).notNull(),
	title: text('title').notNull(),
	summary: text('summary').notNull().default(''),
	audience: text('audience', { mode: 'json' }).$type<string[]>().notNull(),
	position: integer('position').notNull(),
	currentVersionId: integer('current_version_id').references(
		(): AnySQLiteColumn => courseVersion.id
	),
	/** A course removed from content/ stays for its history but is no longer offered. */
	retired: integer('retired', { mode: 'boolean' }).notNull().default(false),
	createdAt: integer('created_at').notNull(),
	updatedAt: integer('updated_at').notNull(),
	/** Front matter `aml_training: true`: counted in the regulator's AML training table. */
	amlTraining: integer('aml_training', { mode: 'boolean' }).notNull().default(false)
});

/** Every distinct content of a course; completions point at the version they were made on. */
export const courseVersion = sqliteTable(
	'course_version',
	{
		id: id(),
		courseId: integer('course_id')
			.notNull()
			.references((): AnySQLiteColumn => course.id),
		version: integer('version').notNull(),
		hash: text('hash').notNull(),
		totalClassHours: real('total_class_hours').notNull(),
		createdAt: integer('created_at').notNull()
	},
	(t) => [uniqueIndex('course_version_course_version_uq').on(t.courseId, t.version)]
);

export const courseModule = sqliteTable(
	'course_module',
	{
		id: id(),
		courseVersionId: integer('course_version_id')
			.notNull()
			.references(() => courseVersion.id),
		slug: text('slug').notNull(),
		title: text('title').notNull(),
		summary: text('summary').notNull().default(''),
		position: integer('position').notNull()
	},
	(t) => [uniqueIndex('course_module_version_slug_uq').on(t.courseVersionId, t.slug)]
);

export const lesson = sqliteTable(
	'lesson',
	{
		id: id(),
		courseVersionId: integer('course_version_id')
			.notNull()
			.references(() => courseVersion.id),
		moduleId: integer('module_id')
			.notNull()
			.references(() => courseModule.id),
		/** module-slug/lesson-slug: stable across versions, so a completion carries over. */
		lessonKey: text('lesson_key').notNull(),
		slug: text('slug').notNull(),
		title: text('title').notNull(),
		classHours: real('class_hours').notNull(),
		position: integer('position').notNull(),
		/** Sanitized HTML rendered at sync time. */
		html: text('html').notNull(),
		/** Minutes of study before it may be completed (front matter `min_minutes`); null: the office's share of its class hours. */
		minMinutes: real('min_minutes')
	},
	(t) => [
		uniqueIndex('lesson_version_key_uq').on(t.courseVersionId, t.lessonKey),
		index('lesson_module_idx').on(t.moduleId)
	]
);

export const lessonCompletion = sqliteTable(
	'lesson_completion',
	{
		id: id(),
		staffId: integer('staff_id')
			.notNull()
			.references(() => staff.id),
		courseId: integer('course_id')
			.notNull()
			.references(() => course.id),
		lessonKey: text('lesson_key').notNull(),
		lessonId: integer('lesson_id')
			.notNull()
			.references(() => lesson.id),
		completedAt: integer('completed_at').notNull()
	},
	(t) => [uniqueIndex('lesson_completion_once_uq').on(t.staffId, t.courseId, t.lessonKey)]
);

/**
 * Time a person spent on a lesson, counted on the server from the page's heartbeats: each
 * heartbeat adds the wall time since the previous one (capped), never a total the browser sends.
 * Keyed by lesson key like a completion, so time carries over to a new version of the course.
 */
export const lessonStudy = sqliteTable(
	'lesson_study',
	{
		id: id(),
		staffId: integer('staff_id')
			.notNull()
			.references(() => staff.id),
		courseId: integer('course_id')
			.notNull()
			.references(() => course.id),
		lessonKey: text('lesson_key').notNull(),
		spentMs: integer('spent_ms').notNull().default(0),
		/** The last heartbeat counted; null before the first. */
		lastBeatAt: integer('last_beat_at'),
		startedAt: integer('started_at').notNull()
	},
	(t) => [
		uniqueIndex('lesson_study_once_uq').on(t.staffId, t.courseId, t.lessonKey),
		index('lesson_study_course_idx').on(t.courseId, t.lessonKey)
	]
);

export type Course = typeof course.$inferSelect;
export type Lesson = typeof lesson.$inferSelect;
