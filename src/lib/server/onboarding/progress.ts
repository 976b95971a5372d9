import type { Db } from '../db';
import type { OnboardingPlan } from '../db/schema';
import { nextDayNumber } from '../mentoring/log';
import { selectCurrentPairing } from '../mentoring/queries';
import { selectStaffRowById } from '../org/queries';
import * as q from './queries';
import { assessClearance } from './readiness';
import { isOverdue } from './rules';

export interface PlanProgress {
	planId: number;
	status: OnboardingPlan['status'];
	startDate: string;
	dueDate: string;
	clearedOn: string | null;
	isOverdue: boolean;
	seatCourseSlug: string | null;
	seatHoursDone: number;
	seatHoursRequired: number;
	seatHoursRemaining: number;
	daysSigned: number;
	daysRequired: number;
	daysRemaining: number;
	finalDayCountersigned: boolean;
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

/** Both tracks of a plan (seat hours, practicum days) measured by the clearance rule itself. */
export function buildPlanProgress(
	db: Db,
	plan: OnboardingPlan,
	menteeBranchId: number,
	today: string
): PlanProgress {
	const days = q.selectCurrentDays(db, plan.id);
	const signatures = q.selectSignatures(
		db,
		days.map((d) => d.id)
	);
	const status = assessClearance({
		seatHoursRequired: plan.seatHoursRequired,
		seatHoursDone: q.sumSeatHoursCompleted(db, plan.staffId, plan.seatCourseId),
		practicumDaysRequired: plan.practicumDaysRequired,
		days: days.map((d) => ({
			dayNumber: d.dayNumber,
			countersigned: signatures.some((s) => s.dayId === d.id && s.kind === 'countersign')
		}))
	});
	const pairing = selectCurrentPairing(db, plan.id);
	const mentor = pairing ? selectStaffRowById(db, pairing.mentorId) : undefined;
	return {
		planId: plan.id,
		status: plan.status,
		startDate: plan.startDate,
		dueDate: plan.dueDate,
		clearedOn: plan.clearedOn,
		isOverdue: isOverdue(plan, today),
		seatCourseSlug: q.selectCourseSlug(db, plan.seatCourseId),
		seatHoursDone: status.seatHoursDone,
		seatHoursRequired: plan.seatHoursRequired,
		seatHoursRemaining: status.seatHoursRemaining,
		daysSigned: status.daysSigned,
		daysRequired: plan.practicumDaysRequired,
		daysRemaining: status.daysRemaining,
		finalDayCountersigned: status.finalDayCountersigned,
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
