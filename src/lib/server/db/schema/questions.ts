import { id } from './columns';
import { sql } from 'drizzle-orm';
import {
	blob,
	index,
	integer,
	sqliteTable,
	text,
	uniqueIndex,
	type AnySQLiteColumn
} from 'drizzle-orm/sqlite-core';
import type { QuestionType, TextFormat } from '../../../questions/enums';
import type { OptionDraft } from '../../questions/types';
import { staff } from './org';

export const questionBank = sqliteTable('question_bank', {
	id: id(),
	name: text('name').notNull().unique(),
	description: text('description').notNull().default(''),
	/** Bumped on every change to the bank's questions, so cached draw pools know they are stale. */
	revision: integer('revision').notNull().default(0),
	/**
	 * 练习开放 (true) or 保密: only an open bank feeds practice and shows its answer keys. Open by
	 * default so an upgrade changes no office's quizzes; the office closes its secret banks.
	 */
	practiceOpen: integer('practice_open', { mode: 'boolean' }).notNull().default(true),
	createdBy: integer('created_by').references(() => staff.id),
	createdAt: integer('created_at').notNull()
});

export const question = sqliteTable(
	'question',
	{
		id: id(),
		bankId: integer('bank_id')
			.notNull()
			.references(() => questionBank.id),
		externalId: text('external_id'),
		currentVersionId: integer('current_version_id').references(
			(): AnySQLiteColumn => questionVersion.id
		),
		retired: integer('retired', { mode: 'boolean' }).notNull().default(false),
		retiredAt: integer('retired_at'),
		retiredBy: integer('retired_by').references(() => staff.id),
		createdBy: integer('created_by').references(() => staff.id),
		createdAt: integer('created_at').notNull()
	},
	(t) => [
		uniqueIndex('question_bank_external_uq')
			.on(t.bankId, t.externalId)
			.where(sql`external_id is not null`),
		index('question_bank_idx').on(t.bankId, t.retired)
	]
);

/** Every wording a question has had; an attempt points at the version it showed. */
export const questionVersion = sqliteTable(
	'question_version',
	{
		id: id(),
		questionId: integer('question_id')
			.notNull()
			.references((): AnySQLiteColumn => question.id),
		version: integer('version').notNull(),
		type: text('type').$type<QuestionType>().notNull(),
		format: text('format').$type<TextFormat>().notNull().default('markdown'),
		category: text('category'),
		stem: text('stem').notNull(),
		options: text('options', { mode: 'json' }).$type<OptionDraft[]>().notNull(),
		correctBoolean: integer('correct_boolean', { mode: 'boolean' }),
		acceptedAnswers: text('accepted_answers', { mode: 'json' }).$type<string[]>().notNull(),
		explanation: text('explanation').notNull().default(''),
		difficulty: integer('difficulty').notNull(),
		tags: text('tags', { mode: 'json' }).$type<string[]>().notNull(),
		competency: text('competency'),
		createdBy: integer('created_by').references(() => staff.id),
		createdAt: integer('created_at').notNull()
	},
	(t) => [uniqueIndex('question_version_uq').on(t.questionId, t.version)]
);

/** A question file kept between preview and commit, like a roster import. */
export const questionImport = sqliteTable('question_import', {
	id: id(),
	createdBy: integer('created_by').references(() => staff.id),
	createdAt: integer('created_at').notNull(),
	fileName: text('file_name').notNull(),
	content: blob('content', { mode: 'buffer' }).notNull(),
	status: text('status', { enum: ['previewed', 'committed', 'discarded'] })
		.notNull()
		.default('previewed'),
	summary: text('summary', { mode: 'json' }).$type<Record<string, number>>(),
	committedAt: integer('committed_at'),
	/** A default bank the import was told to create (CLI --create-bank); made at commit. */
	newBank: text('new_bank')
});

export type QuestionBank = typeof questionBank.$inferSelect;
export type Question = typeof question.$inferSelect;
export type QuestionVersion = typeof questionVersion.$inferSelect;
