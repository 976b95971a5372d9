/**
 * The office's working calendar, for server and browser alike: mainland China's State Council
 * holiday schedule (Spring Festival and National Day weeks off, the 调休 weekend days on), as the
 * chinese-days package ships it, overlaid with the office's own closed and working days.
 *
 * Days are office calendar days, 'YYYY-MM-DD' (./time/office.ts says which day an instant is).
 * Nothing here reads the clock or the network: the holiday data is in the package, the office's
 * days are passed in.
 */
import { getDayDetail, isWorkday } from 'chinese-days';
import { addDays } from '../time/days';

/** The office's word on one day: closed (working false) or open (working true). */
export interface OfficeDayRule {
	day: string;
	working: boolean;
}

export interface WorkingCalendar {
	/** True when the office works on `day`. */
	isWorkingDay(day: string): boolean;
}

/**
 * Whether the package carries the State Council's schedule for `year` (published each November
 * or December for the next year): 1–3 October are holidays every year, so a year whose three are
 * all off is in the data. A later year counts Monday to Friday until the package is updated or
 * the office enters its days.
 */
export function isScheduledYear(year: number): boolean {
	return [1, 2, 3].every((d) => !isWorkday(`${year}-10-0${d}`));
}

/** The last year of the State Council's schedule the package carries (2026 in chinese-days 1.5.7). */
export function lastScheduledYear(): number {
	let year = 2004;
	while (isScheduledYear(year + 1)) year++;
	return year;
}

/** What the State Council says of `day`: a working day, with the holiday's name when it has one. */
export function stateCouncilDay(day: string): { working: boolean; holiday: string | null } {
	const detail = getDayDetail(day);
	// Names read "National Day,国庆节,3": English, Chinese, length of the break.
	const [, zh] = detail.name.split(',');
	return { working: isWorkday(day), holiday: zh ?? null };
}

/** The State Council calendar with the office's own days laid over it. */
export function makeWorkingCalendar(rules: readonly OfficeDayRule[] = []): WorkingCalendar {
	const office = new Map(rules.map((r) => [r.day, r.working]));
	return {
		isWorkingDay: (day) => office.get(day) ?? isWorkday(day)
	};
}

/** The State Council calendar alone, for code that has no office days to hand (demo, tests). */
export const STATE_COUNCIL_CALENDAR: WorkingCalendar = makeWorkingCalendar();

/** The `count`-th working day starting at `start` (start itself counts when it is one). */
export function addWorkingDays(cal: WorkingCalendar, start: string, count: number): string {
	let day = start;
	let seen = cal.isWorkingDay(day) ? 1 : 0;
	while (seen < count) {
		day = addDays(day, 1);
		if (cal.isWorkingDay(day)) seen++;
	}
	return day;
}

/** The first working day after `day`. */
export function nextWorkingDay(cal: WorkingCalendar, day: string): string {
	let next = addDays(day, 1);
	while (!cal.isWorkingDay(next)) next = addDays(next, 1);
	return next;
}

/** The last working day on or before `day`. */
export function lastWorkingDayOnOrBefore(cal: WorkingCalendar, day: string): string {
	let d = day;
	while (!cal.isWorkingDay(d)) d = addDays(d, -1);
	return d;
}

/** Working days from `from` to `to`, both included; 0 when `to` is before `from`. */
export function countWorkingDays(cal: WorkingCalendar, from: string, to: string): number {
	let n = 0;
	for (let d = from; d <= to; d = addDays(d, 1)) if (cal.isWorkingDay(d)) n++;
	return n;
}

/**
 * Share of `day`'s year worked by the end of `day`, in (0, 1]: the pace class hours are measured
 * against, so the Spring Festival and National Day weeks do not count as time to study.
 */
export function workingYearShare(cal: WorkingCalendar, day: string): number {
	const year = day.slice(0, 4);
	const total = countWorkingDays(cal, `${year}-01-01`, `${year}-12-31`);
	return total === 0 ? 1 : countWorkingDays(cal, `${year}-01-01`, day) / total;
}
