import type { AppContext } from '../context';
import type { Db } from '../db';
import type { Attempt, ExamDefinition } from '../db/schema';
import { issueCertificate, type RandomSource } from './certificates';
import * as q from './queries';
import { grantCompetency, markNeedsRetest } from './service';
import { isCourseComplete } from './lookup-queries';

type Rule = q.CompetencyRule;

function matchesExam(rule: Rule, exam: ExamDefinition): boolean {
	if (rule.examId !== null) return rule.examId === exam.id;
	return rule.examPurpose === exam.purpose;
}

/**
 * Applies the exam rules to a just-graded attempt, inside the submit transaction: a pass grants
 * (a certification pass issues a certificate, which grants), a failed spot exam marks the
 * competency "needs retest". Each competency is touched once per attempt.
 */
export async function applyExamRules(
	ctx: AppContext,
	db: Db,
	attempt: Attempt,
	exam: ExamDefinition,
	random?: RandomSource
): Promise<void> {
	if (attempt.status !== 'submitted' || attempt.passed === null) return;
	const evidence = { type: 'attempt' as const, ref: `attempt:${attempt.id}` };
	if (attempt.passed) {
		const ids = unique(
			(await q.selectRulesByTrigger(db, 'exam_pass')).filter((r) => matchesExam(r, exam))
		);
		for (const competencyId of ids) {
			if (exam.purpose === 'certification') {
				await issueCertificate(
					ctx,
					db,
					{ staffId: attempt.staffId, competencyId, attemptId: attempt.id },
					random
				);
			} else {
				await grantCompetency(ctx, db, { staffId: attempt.staffId, competencyId, evidence });
			}
		}
		return;
	}
	if (exam.purpose !== 'spot') return;
	const ids = unique(
		(await q.selectRulesByTrigger(db, 'spot_fail')).filter((r) => matchesExam(r, exam))
	);
	for (const competencyId of ids) {
		await markNeedsRetest(ctx, db, { staffId: attempt.staffId, competencyId, evidence });
	}
}

/** After a lesson completion: grants course_complete competencies once the course is done. */
export async function applyCourseRules(
	ctx: AppContext,
	db: Db,
	staffId: number,
	courseId: number
): Promise<void> {
	const rules = (await q.selectRulesByTrigger(db, 'course_complete')).filter(
		(r) => r.courseId === courseId
	);
	if (rules.length === 0 || !(await isCourseComplete(db, staffId, courseId))) return;
	for (const competencyId of unique(rules)) {
		await grantCompetency(ctx, db, {
			staffId,
			competencyId,
			evidence: { type: 'course', ref: `course:${courseId}` }
		});
	}
}

/** When an onboarding plan clears: grants onboarding_complete competencies. */
export async function applyOnboardingRules(
	ctx: AppContext,
	db: Db,
	staffId: number,
	planId: number
): Promise<void> {
	for (const competencyId of unique(await q.selectRulesByTrigger(db, 'onboarding_complete'))) {
		await grantCompetency(ctx, db, {
			staffId,
			competencyId,
			evidence: { type: 'onboarding', ref: `plan:${planId}` }
		});
	}
}

function unique(rules: Rule[]): number[] {
	return [...new Set(rules.map((r) => r.competencyId))];
}
