/** The plain shapes the onboarding pages receive (mirrors of the server's view types). */
import type { PlanStatus } from '$lib/onboarding/enums';

export interface Progress {
	planId: number;
	status: PlanStatus;
	startDate: string;
	dueDate: string;
	clearedOn: string | null;
	/** Set only on a cancelled plan: when (epoch ms), by whom and why. */
	cancellation: { at: number; by: Person | null; reason: string } | null;
	isOverdue: boolean;
	behindPace: boolean;
	seatCourseSlug: string | null;
	seatHoursDone: number;
	seatHoursRequired: number;
	seatHoursRemaining: number;
	daysSigned: number;
	daysRequired: number;
	daysRemaining: number;
	finalDayCountersigned: boolean;
	/** Null when the office has no onboarding exam, so it is not part of the rule. */
	exam: { examId: number | null; state: 'passed' | 'failed' | 'pending' } | null;
	nextDay: number | null;
	mentor: { employeeNo: string; name: string; branchName: string; sameBranch: boolean } | null;
}

export interface Person {
	employeeNo: string;
	name: string;
}

export interface Entry {
	id: number;
	dayNumber: number;
	workDate: string;
	signedBy: Person | null;
	signedAt: number;
	tasks: { code: string; label: string }[];
	hours: number;
	observations: string;
	correctionReason: string | null;
	acknowledgedAt: number | null;
}

export interface Day extends Entry {
	countersignedAt: number | null;
	countersignedBy: Person | null;
	earlier: Entry[];
}

export interface Task {
	code: string;
	label: string;
}
