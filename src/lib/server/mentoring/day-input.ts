import { addWorkingDays, nextWorkingDay, type WorkingCalendar } from '../../calendar/working-days';
import { isValidDay } from '../../time/days';
import type { Problem } from '../errors';
import { MAX_PRACTICUM_HOURS } from '../onboarding/service';

export const MAX_OBSERVATIONS = 2000;

/** What a mentor writes for a practicum day. */
export interface DayInput {
	dayNumber: number;
	workDate: string;
	tasks: string[];
	hours: number;
	observations: string;
}

export interface DayRules {
	daysRequired: number;
	planStart: string;
	today: string;
	/** The earliest date this writer may log: the pairing's start for a mentor's new entry. */
	notBefore: string;
	/** Codes of live checklist tasks for the mentee's position. */
	taskCodes: ReadonlySet<string>;
	/** Dates already logged by other current days, with their day numbers. */
	takenDates: ReadonlyMap<string, number>;
	/** The office's working calendar: a 调休 Saturday counts, a holiday does not. */
	calendar: WorkingCalendar;
}

/** Every problem with a practicum day entry, in form order; empty when it may be signed. */
export function checkDayInput(input: DayInput, rules: DayRules): Problem[] {
	const problems: Problem[] = [];
	const n = input.dayNumber;
	if (!Number.isInteger(n) || n < 1 || n > rules.daysRequired) {
		problems.push({
			key: 'practicum.error.dayOutOfPlan',
			params: { max: rules.daysRequired },
			field: 'dayNumber'
		});
	}
	const date = input.workDate;
	const field = 'workDate';
	if (!isValidDay(date)) problems.push({ key: 'practicum.error.badDate', field });
	else if (date > rules.today) problems.push({ key: 'practicum.error.futureDate', field });
	else if (date < rules.planStart) {
		problems.push({ key: 'practicum.error.beforeStart', params: { date: rules.planStart }, field });
	} else if (date < rules.notBefore) {
		problems.push({
			key: 'practicum.error.beforePairing',
			params: { date: rules.notBefore },
			field
		});
	} else if (!rules.calendar.isWorkingDay(date))
		problems.push({ key: 'practicum.error.notWorkingDay', field });
	else if (rules.takenDates.has(date)) {
		problems.push({
			key: 'practicum.error.dateTaken',
			params: { day: rules.takenDates.get(date) ?? 0 },
			field
		});
	}
	if (input.tasks.length === 0) problems.push({ key: 'practicum.error.noTasks', field: 'tasks' });
	else if (input.tasks.some((code) => !rules.taskCodes.has(code))) {
		problems.push({ key: 'practicum.error.unknownTask', field: 'tasks' });
	}
	if (!Number.isFinite(input.hours) || input.hours <= 0) {
		problems.push({ key: 'practicum.error.hoursNotPositive', field: 'hours' });
	} else if (input.hours > MAX_PRACTICUM_HOURS) {
		problems.push({
			key: 'practicum.error.hoursTooMany',
			params: { max: MAX_PRACTICUM_HOURS },
			field: 'hours'
		});
	}
	if (input.observations.length > MAX_OBSERVATIONS) {
		problems.push({
			key: 'practicum.error.observationsTooLong',
			params: { max: MAX_OBSERVATIONS },
			field: 'observations'
		});
	}
	return problems;
}

/**
 * The date the mentor's form proposes: the next working day after the latest day signed (the
 * first working day of the pairing when nothing is signed yet), and never past today, since a
 * day is signed once it has been worked.
 */
export function proposeWorkDate(
	cal: WorkingCalendar,
	today: string,
	notBefore: string,
	signedDates: readonly string[]
): string {
	const last = signedDates.reduce<string | null>((a, d) => (a === null || d > a ? d : a), null);
	const next = last === null ? addWorkingDays(cal, notBefore, 1) : nextWorkingDay(cal, last);
	return next > today ? today : next;
}
