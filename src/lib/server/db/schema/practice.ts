import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { PRACTICE_MODES } from '../../../practice/enums';
import type { QuestionType } from '../../../questions/enums';
import { attempt } from './exams';
import { staff } from './org';
import { question, questionBank } from './questions';

/** A practice session: an attempt of the drill (or a mock) exam, and what it was built from. */
export const practiceSession = sqliteTable(
	'practice_session',
	{
		attemptId: integer('attempt_id')
			.primaryKey()
			.references(() => attempt.id),
		staffId: integer('staff_id')
			.notNull()
			.references(() => staff.id),
		mode: text('mode', { enum: PRACTICE_MODES }).notNull(),
		bankId: integer('bank_id').references(() => questionBank.id),
		category: text('category'),
		tag: text('tag'),
		type: text('type').$type<QuestionType>(),
		createdAt: integer('created_at').notNull()
	},
	(t) => [index('practice_session_staff_idx').on(t.staffId, t.createdAt)]
);

/** One question answered with instant feedback: its verdict is fixed once shown. */
export const practiceCheck = sqliteTable(
	'practice_check',
	{
		attemptId: integer('attempt_id')
			.notNull()
			.references(() => attempt.id),
		position: integer('position').notNull(),
		staffId: integer('staff_id')
			.notNull()
			.references(() => staff.id),
		questionId: integer('question_id')
			.notNull()
			.references(() => question.id),
		correct: integer('correct', { mode: 'boolean' }).notNull(),
		checkedAt: integer('checked_at').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.attemptId, t.position] }),
		index('practice_check_staff_idx').on(t.staffId, t.questionId, t.checkedAt)
	]
);

/** Where 顺序练习 stopped, per person, bank and category ('' for the whole bank). */
export const practiceCursor = sqliteTable(
	'practice_cursor',
	{
		staffId: integer('staff_id')
			.notNull()
			.references(() => staff.id),
		bankId: integer('bank_id')
			.notNull()
			.references(() => questionBank.id),
		category: text('category').notNull().default(''),
		/** The last question answered, in the bank's question order. */
		lastQuestionId: integer('last_question_id').notNull(),
		updatedAt: integer('updated_at').notNull()
	},
	(t) => [primaryKey({ columns: [t.staffId, t.bankId, t.category] })]
);

/** A question marked mastered by hand: out of 错题本 until answered wrong again. */
export const notebookMastery = sqliteTable(
	'notebook_mastery',
	{
		staffId: integer('staff_id')
			.notNull()
			.references(() => staff.id),
		questionId: integer('question_id')
			.notNull()
			.references(() => question.id),
		masteredAt: integer('mastered_at').notNull()
	},
	(t) => [primaryKey({ columns: [t.staffId, t.questionId] })]
);

/** The office's practice settings: one row (id 1), absent until first changed. */
export const practiceSetting = sqliteTable('practice_setting', {
	id: integer('id').primaryKey(),
	masteryThreshold: integer('mastery_threshold').notNull().default(2),
	updatedBy: integer('updated_by').references(() => staff.id),
	updatedAt: integer('updated_at').notNull()
});

export type PracticeSession = typeof practiceSession.$inferSelect;
