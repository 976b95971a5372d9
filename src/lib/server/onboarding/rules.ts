import {
	addWorkingDays,
	countWorkingDays,
	type WorkingCalendar
} from '../../calendar/working-days';
import { isValidDay } from '../../time/days';

/** The seat course's class hours a plan asks for (the onboarding course in content/ has 40). */
export const SEAT_HOURS_REQUIRED = 40;
/** Practicum working days with a mentor (老带新). */
export const PRACTICUM_DAYS_REQUIRED = 15;
/**
 * Working days allowed beyond the 15th practicum day before a plan counts as overdue: one working
 * week for a sick day, a closed branch or a mentor's leave. The due date is therefore the
 * 20th working day counted from the start (about four calendar weeks).
 */
export const DUE_ALLOWANCE_WORKING_DAYS = 5;
/** A written reason (mentor change, cancellation): a few sentences, short enough for a table. */
export const MAX_REASON = 500;
/** A practicum day's hours: more than 0, at most one long shift. */
export const MAX_PRACTICUM_HOURS = 12;

/**
 * The date by which a plan starting on `startDate` should be cleared, counted on the office's
 * working calendar: a plan starting before the Spring Festival week is due that much later.
 */
export function dueDateFor(cal: WorkingCalendar, startDate: string): string {
	return addWorkingDays(cal, startDate, PRACTICUM_DAYS_REQUIRED + DUE_ALLOWANCE_WORKING_DAYS);
}

/** An open plan is overdue once its due date has passed without clearance. */
export function isOverdue(plan: { status: string; dueDate: string }, today: string): boolean {
	return plan.status === 'open' && plan.dueDate < today;
}

/**
 * Behind pace: an open plan, not yet overdue, with more practicum days still to sign than working
 * days left up to its due date (today included): it cannot finish on time even signing every day.
 */
export function isBehindPace(
	cal: WorkingCalendar,
	plan: { status: string; dueDate: string },
	daysRemaining: number,
	today: string
): boolean {
	if (plan.status !== 'open' || isOverdue(plan, today)) return false;
	return daysRemaining > countWorkingDays(cal, today, plan.dueDate);
}

/** Cleared before going on duty (上岗): cleared on or before the plan's due date. */
export function isClearedOnTime(plan: {
	status: string;
	dueDate: string;
	clearedOn: string | null;
}): boolean {
	return plan.status === 'cleared' && plan.clearedOn !== null && plan.clearedOn <= plan.dueDate;
}

export interface RateCounts {
	/** New hires: plans started in the period, cancelled ones aside. */
	total: number;
	clearedOnTime: number;
	clearedLate: number;
	/** Open and not yet due: still on their way. */
	inProgress: number;
	overdue: number;
}

/** Counts behind the onboarding rate (上岗率 = clearedOnTime / total); pure, over plan rows. */
export function countOnboardingRate(
	plans: { status: string; dueDate: string; clearedOn: string | null }[],
	today: string
): RateCounts {
	const counts: RateCounts = {
		total: 0,
		clearedOnTime: 0,
		clearedLate: 0,
		inProgress: 0,
		overdue: 0
	};
	for (const plan of plans) {
		if (plan.status === 'cancelled') continue;
		counts.total++;
		if (isClearedOnTime(plan)) counts.clearedOnTime++;
		else if (plan.status === 'cleared') counts.clearedLate++;
		else if (isOverdue(plan, today)) counts.overdue++;
		else counts.inProgress++;
	}
	return counts;
}

/** A form's date field: a real YYYY-MM-DD day or null. */
export function readDay(value: unknown): string | null {
	return typeof value === 'string' && isValidDay(value.trim()) ? value.trim() : null;
}
