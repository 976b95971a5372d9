export interface ClearanceInput {
	seatHoursRequired: number;
	seatHoursDone: number;
	practicumDaysRequired: number;
	/** The current (not superseded) signed practicum days. */
	days: { dayNumber: number; countersigned: boolean }[];
}

export interface ClearanceStatus {
	seatHoursDone: number;
	seatHoursRemaining: number;
	daysSigned: number;
	daysRemaining: number;
	/** The last practicum day needs the branch manager's countersignature. */
	finalDayCountersigned: boolean;
	ready: boolean;
}

/** The clearance rule (上岗): seat hours done, every practicum day signed, the last countersigned. */
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
		ready: seatHoursRemaining === 0 && daysRemaining === 0 && finalDayCountersigned
	};
}
