/** The competency rules applied to what happened elsewhere: an attempt, a course, an onboarding. */
import type { AppContext } from '../context';
import type { Tx } from '../db';
import type { Attempt, ExamDefinition } from '../db/schema';
import { issueCertificate, type RandomSource } from './certificates';
import * as data from './data';
import { grantCompetency, markNeedsRetest } from './grants';

type Rule = data.CompetencyRule;

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
	tx: Tx,
	attempt: Attempt,
	exam: ExamDefinition,
	random?: RandomSource
): Promise<void> {
	if (attempt.status !== 'submitted' || attempt.passed === null) return;
	const evidence = { type: 'attempt' as const, ref: `attempt:${attempt.id}` };
	if (attempt.passed) {
		const ids = unique(
			(await data.selectRulesByTrigger(tx, 'exam_pass')).filter((r) => matchesExam(r, exam))
		);
		for (const competencyId of ids) {
			if (exam.purpose === 'certification') {
				await issueCertificate(
					ctx,
					tx,
					{ staffId: attempt.staffId, competencyId, attemptId: attempt.id },
					random
				);
			} else {
				await grantCompetency(ctx, tx, { staffId: attempt.staffId, competencyId, evidence });
			}
		}
		return;
	}
	if (exam.purpose !== 'spot') return;
	const ids = unique(
		(await data.selectRulesByTrigger(tx, 'spot_fail')).filter((r) => matchesExam(r, exam))
	);
	for (const competencyId of ids) {
		await markNeedsRetest(ctx, tx, { staffId: attempt.staffId, competencyId, evidence });
	}
}

/** After a lesson completion: grants course_complete competencies once the course is done. */
export async function applyCourseRules(
	ctx: AppContext,
	tx: Tx,
	staffId: number,
	courseId: number
): Promise<void> {
	const rules = (await data.selectRulesByTrigger(tx, 'course_complete')).filter(
		(r) => r.courseId === courseId
	);
	if (rules.length === 0 || !(await data.isCourseComplete(tx, staffId, courseId))) return;
	for (const competencyId of unique(rules)) {
		await grantCompetency(ctx, tx, {
			staffId,
			competencyId,
			evidence: { type: 'course', ref: `course:${courseId}` }
		});
	}
}

/** When an onboarding plan clears: grants onboarding_complete competencies. */
export async function applyOnboardingRules(
	ctx: AppContext,
	tx: Tx,
	staffId: number,
	planId: number
): Promise<void> {
	for (const competencyId of unique(await data.selectRulesByTrigger(tx, 'onboarding_complete'))) {
		await grantCompetency(ctx, tx, {
			staffId,
			competencyId,
			evidence: { type: 'onboarding', ref: `plan:${planId}` }
		});
	}
}

function unique(rules: Rule[]): number[] {
	return [...new Set(rules.map((r) => r.competencyId))];
}
