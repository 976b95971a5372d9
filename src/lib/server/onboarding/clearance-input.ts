import { officeDayStart } from '../../time/office';
import type { Db } from '../db';
import type { OnboardingPlan } from '../db/schema';
import { sumCompletedCurrentHours } from '../courses/service';
import { selectCurrentDays, selectSignatures } from '../mentoring/service';
import { selectActiveOnboardingExamId, selectOnboardingExamResult } from './data';
import type { ClearanceInput } from './readiness';

export interface PlanFacts {
	input: ClearanceInput;
	/** The onboarding exam to sit now; null when no active onboarding exam exists. */
	examId: number | null;
	/** A submitted attempt exists since the plan started (passed or not). */
	examAttempted: boolean;
}

/**
 * What the clearance rule is measured against for one plan. An exam passed before the plan
 * started does not count: the exam closes this plan's training, not an earlier one's.
 */
export async function collectPlanFacts(db: Db, plan: OnboardingPlan): Promise<PlanFacts> {
	const days = await selectCurrentDays(db, plan.id);
	const signatures = await selectSignatures(
		db,
		days.map((d) => d.id)
	);
	const examId = await selectActiveOnboardingExamId(db);
	const exam = await selectOnboardingExamResult(db, plan.staffId, officeDayStart(plan.startDate));
	return {
		input: {
			seatHoursRequired: plan.seatHoursRequired,
			seatHoursDone: await sumCompletedCurrentHours(db, plan.staffId, plan.seatCourseId),
			practicumDaysRequired: plan.practicumDaysRequired,
			days: days.map((d) => ({
				dayNumber: d.dayNumber,
				countersigned: signatures.some((s) => s.dayId === d.id && s.kind === 'countersign')
			})),
			examRequired: examId !== null,
			examPassed: exam.passed
		},
		examId,
		examAttempted: exam.attempted
	};
}
