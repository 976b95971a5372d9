/**
 * Transitional: the exams, courses and onboarding domains still import the rule hooks from here
 * with a plain handle. Each joins the caller's transaction (or opens one for a root handle) and
 * calls the step in competency/service.ts. Delete once those callers import the service.
 */
import type { AppContext } from '../context';
import { inTransaction, type Db } from '../db';
import type { Attempt, ExamDefinition } from '../db/schema';
import * as rules from './apply-rules';
import type { RandomSource } from './certificates';

export async function applyExamRules(
	ctx: AppContext,
	db: Db,
	attempt: Attempt,
	exam: ExamDefinition,
	random?: RandomSource
): Promise<void> {
	await inTransaction(db, (tx) => rules.applyExamRules(ctx, tx, attempt, exam, random));
}

export async function applyCourseRules(
	ctx: AppContext,
	db: Db,
	staffId: number,
	courseId: number
): Promise<void> {
	await inTransaction(db, (tx) => rules.applyCourseRules(ctx, tx, staffId, courseId));
}

export async function applyOnboardingRules(
	ctx: AppContext,
	db: Db,
	staffId: number,
	planId: number
): Promise<void> {
	await inTransaction(db, (tx) => rules.applyOnboardingRules(ctx, tx, staffId, planId));
}
