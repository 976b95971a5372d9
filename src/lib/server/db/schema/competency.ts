import { id } from './columns';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { COMPETENCY_EVENT_KINDS, EVIDENCE_TYPES, RULE_TRIGGERS } from '../../../competency/enums';
import { attempt, examDefinition } from './exams';
import { staff } from './org';

/** A competency staff hold for a while (储蓄柜面业务, 反洗钱, 内控合规, 客服座席…). */
export const competency = sqliteTable('competency', {
	id: id(),
	code: text('code').notNull().unique(),
	name: text('name').notNull(),
	description: text('description').notNull().default(''),
	validityMonths: integer('validity_months').notNull(),
	createdAt: integer('created_at').notNull()
});

/** What changes a competency: passing an exam of a purpose (or a given exam), a course, onboarding. */
export const competencyRule = sqliteTable('competency_rule', {
	id: id(),
	competencyId: integer('competency_id')
		.notNull()
		.references(() => competency.id),
	trigger: text('trigger', { enum: RULE_TRIGGERS }).notNull(),
	/** exam_pass / spot_fail: an exam purpose, optionally narrowed to one exam. */
	examPurpose: text('exam_purpose'),
	examId: integer('exam_id').references(() => examDefinition.id),
	/** course_complete: the course. */
	courseId: integer('course_id'),
	createdAt: integer('created_at').notNull()
});

/** The competency record's history (员工能力档案): appended, never changed. */
export const competencyEvent = sqliteTable(
	'competency_event',
	{
		id: id(),
		staffId: integer('staff_id')
			.notNull()
			.references(() => staff.id),
		competencyId: integer('competency_id')
			.notNull()
			.references(() => competency.id),
		kind: text('kind', { enum: COMPETENCY_EVENT_KINDS }).notNull(),
		/** For a grant: the calendar day (YYYY-MM-DD) it lapses. */
		validUntil: text('valid_until'),
		evidenceType: text('evidence_type', { enum: EVIDENCE_TYPES }).notNull(),
		/** e.g. "attempt:123", "course:onboarding-seat-training", "plan:7". */
		evidenceRef: text('evidence_ref').notNull(),
		note: text('note').notNull().default(''),
		occurredAt: integer('occurred_at').notNull(),
		recordedBy: integer('recorded_by').references(() => staff.id)
	},
	(t) => [index('competency_event_staff_idx').on(t.staffId, t.competencyId, t.occurredAt)]
);

/** Issued on passing a certification exam; verifiable by its code, revocable with a reason. */
export const certificate = sqliteTable(
	'certificate',
	{
		id: id(),
		number: text('number').notNull().unique(),
		staffId: integer('staff_id')
			.notNull()
			.references(() => staff.id),
		competencyId: integer('competency_id')
			.notNull()
			.references(() => competency.id),
		attemptId: integer('attempt_id').references(() => attempt.id),
		issuedOn: text('issued_on').notNull(),
		expiresOn: text('expires_on').notNull(),
		/** Unguessable: the public /verify/<code> page looks certificates up by it. */
		verificationCode: text('verification_code').notNull(),
		revokedAt: integer('revoked_at'),
		revokedBy: integer('revoked_by').references(() => staff.id),
		revokeReason: text('revoke_reason'),
		createdAt: integer('created_at').notNull()
	},
	(t) => [
		uniqueIndex('certificate_code_uq').on(t.verificationCode),
		index('certificate_staff_idx').on(t.staffId),
		index('certificate_expires_idx').on(t.expiresOn)
	]
);

export type Competency = typeof competency.$inferSelect;
export type CompetencyEvent = typeof competencyEvent.$inferSelect;
export type Certificate = typeof certificate.$inferSelect;
