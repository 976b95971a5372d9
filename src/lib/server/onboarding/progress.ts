import type { Db } from '../db';
import type { OnboardingPlan } from '../db/schema';
import { selectCourseById } from '../courses/service';
import { nextDayNumber, selectCurrentDays, selectCurrentPairing } from '../mentoring/service';
import { selectStaffRowById } from '../org/service';
import { collectPlanFacts } from './clearance-input';
import { assessClearance } from './readiness';
import { loadWorkingCalendar } from '../calendar/service';
import { isBehindPace, isOverdue } from './rules';

export interface ExamTrack {
	examId: number | null;
	/** passed: 已通过; failed: attempted, none passed (未通过); pending: not yet sat (待参加). */
	state: 'passed' | 'failed' | 'pending';
}

export interface Cancellation {
	/** Epoch ms. */
	at: number;
	by: { employeeNo: string; name: string } | null;
	reason: string;
}

export interface PlanProgress {
	planId: number;
	status: OnboardingPlan['status'];
	startDate: string;
	dueDate: string;
	clearedOn: string | null;
	/** Who called the plan off, when and why; null unless it is cancelled. */
	cancellation: Cancellation | null;
	isOverdue: boolean;
	/** Open, not overdue, and too few working days left for the practicum days to sign. */
	behindPace: boolean;
	seatCourseSlug: string | null;
	seatHoursDone: number;
	seatHoursRequired: number;
	seatHoursRemaining: number;
	daysSigned: number;
	daysRequired: number;
	daysRemaining: number;
	finalDayCountersigned: boolean;
	/** The onboarding exam track; null when the office has no onboarding exam (not required). */
	exam: ExamTrack | null;
	/** The next practicum day to record, null when every day has an entry. */
	nextDay: number | null;
	mentor: {
		employeeNo: string;
		name: string;
		branchName: string;
		sameBranch: boolean;
		fromDate: string;
	} | null;
}

async function describeCancellation(db: Db, plan: OnboardingPlan): Promise<Cancellation | null> {
	if (plan.status !== 'cancelled' || plan.cancelledAt === null) return null;
	const by = plan.cancelledBy === null ? undefined : await selectStaffRowById(db, plan.cancelledBy);
	return {
		at: plan.cancelledAt,
		by: by ? { employeeNo: by.employeeNo, name: by.name } : null,
		reason: plan.cancelReason ?? ''
	};
}

/** Every track of a plan (seat hours, practicum days, exam) measured by the clearance rule itself. */
export async function buildPlanProgress(
	db: Db,
	plan: OnboardingPlan,
	menteeBranchId: number,
	today: string
): Promise<PlanProgress> {
	const facts = await collectPlanFacts(db, plan);
	const status = assessClearance(facts.input);
	const days = await selectCurrentDays(db, plan.id);
	const pairing = await selectCurrentPairing(db, plan.id);
	const mentor = pairing ? await selectStaffRowById(db, pairing.mentorId) : undefined;
	return {
		planId: plan.id,
		status: plan.status,
		startDate: plan.startDate,
		dueDate: plan.dueDate,
		clearedOn: plan.clearedOn,
		cancellation: await describeCancellation(db, plan),
		isOverdue: isOverdue(plan, today),
		behindPace: isBehindPace(await loadWorkingCalendar(db), plan, status.daysRemaining, today),
		seatCourseSlug: (await selectCourseById(db, plan.seatCourseId))?.slug ?? null,
		seatHoursDone: status.seatHoursDone,
		seatHoursRequired: plan.seatHoursRequired,
		seatHoursRemaining: status.seatHoursRemaining,
		daysSigned: status.daysSigned,
		daysRequired: plan.practicumDaysRequired,
		daysRemaining: status.daysRemaining,
		finalDayCountersigned: status.finalDayCountersigned,
		exam: status.examRequired
			? {
					examId: facts.examId,
					state: status.examPassed ? 'passed' : facts.examAttempted ? 'failed' : 'pending'
				}
			: null,
		nextDay: nextDayNumber(days, plan.practicumDaysRequired),
		mentor:
			pairing && mentor
				? {
						employeeNo: mentor.employeeNo,
						name: mentor.name,
						branchName: mentor.branchName,
						sameBranch: mentor.branchId === menteeBranchId,
						fromDate: pairing.fromDate
					}
				: null
	};
}
