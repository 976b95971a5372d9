export interface ClearanceInput {
	seatHoursRequired: number;
	seatHoursDone: number;
	practicumDaysRequired: number;
	/** The current (not superseded) signed practicum days. */
	days: { dayNumber: number; countersigned: boolean }[];
	/** An active onboarding exam exists, so passing it is part of the rule. */
	examRequired: boolean;
	/** A submitted, passed onboarding-exam attempt started on or after the plan's start. */
	examPassed: boolean;
}

export interface ClearanceStatus {
	seatHoursDone: number;
	seatHoursRemaining: number;
	daysSigned: number;
	daysRemaining: number;
	/** The last practicum day needs the branch manager's countersignature. */
	finalDayCountersigned: boolean;
	examRequired: boolean;
	examPassed: boolean;
	ready: boolean;
}

/**
 * The clearance rule (上岗): seat hours done, every practicum day signed, the last countersigned,
 * and the onboarding exam passed when the office has one.
 */
export function assessClearance(input: ClearanceInput): ClearanceStatus {
	const numbers = new Set(
		input.days
			.filter((d) => d.dayNumber >= 1 && d.dayNumber <= input.practicumDaysRequired)
			.map((d) => d.dayNumber)
	);
	const finalDay = input.days.find((d) => d.dayNumber === input.practicumDaysRequired);
	const seatHoursRemaining = Math.max(
		0,
		Math.round((input.seatHoursRequired - input.seatHoursDone) * 10) / 10
	);
	const daysRemaining = input.practicumDaysRequired - numbers.size;
	const finalDayCountersigned = finalDay?.countersigned ?? false;
	return {
		seatHoursDone: input.seatHoursDone,
		seatHoursRemaining,
		daysSigned: numbers.size,
		daysRemaining,
		finalDayCountersigned,
		examRequired: input.examRequired,
		examPassed: input.examPassed,
		ready:
			seatHoursRemaining === 0 &&
			daysRemaining === 0 &&
			finalDayCountersigned &&
			(!input.examRequired || input.examPassed)
	};
}
