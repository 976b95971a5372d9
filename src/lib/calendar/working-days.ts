/**
 * The office's working calendar, for server and browser alike: mainland China's State Council
 * holiday schedule (Spring Festival and National Day weeks off, the 调休 weekend days on), as the
 * chinese-days package ships it, overlaid with the office's own closed and working days.
 *
 * Days are office calendar days, 'YYYY-MM-DD' (./time/office.ts says which day an instant is).
 * Nothing here reads the clock or the network: the holiday data is in the package, the office's
 * days are passed in.
 */
// The schedule as the package ships it: the State Council's holidays and the weekend days
// worked in lieu (调休), keyed by 'YYYY-MM-DD', with "English,中文,n" names. Read as data, not
// through the package's functions: those parse a day as UTC midnight and read it back on the
// process's clock, so west of Greenwich every weekday comes out one day early.
import schedule from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { addDays } from '../time/days';

const HOLIDAYS: Readonly<Record<string, string>> = schedule.holidays;
const WORKED_WEEKEND_DAYS: Readonly<Record<string, string>> = schedule.workdays;

/** Monday to Friday, from the day itself (no clock, no zone). */
function isWeekday(day: string): boolean {
	const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
	return weekday !== 0 && weekday !== 6;
}

/** The State Council's word alone: a 调休 weekend day works, a holiday does not. */
function isStateCouncilWorkday(day: string): boolean {
	if (day in WORKED_WEEKEND_DAYS) return true;
	if (day in HOLIDAYS) return false;
	return isWeekday(day);
}

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
	return [1, 2, 3].every((d) => `${year}-10-0${d}` in HOLIDAYS);
}

/** The last year of the State Council's schedule the package carries (2026 in chinese-days 1.5.7). */
export function lastScheduledYear(): number {
	let year = 2004;
	while (isScheduledYear(year + 1)) year++;
	return year;
}

/** What the State Council says of `day`: a working day, with the holiday's name when it has one. */
export function stateCouncilDay(day: string): { working: boolean; holiday: string | null } {
	// Names read "National Day,国庆节,3": English, Chinese, length of the break.
	const name = WORKED_WEEKEND_DAYS[day] ?? HOLIDAYS[day];
	return { working: isStateCouncilWorkday(day), holiday: name?.split(',')[1] ?? null };
}

/** The State Council calendar with the office's own days laid over it. */
export function makeWorkingCalendar(rules: readonly OfficeDayRule[] = []): WorkingCalendar {
	const office = new Map(rules.map((r) => [r.day, r.working]));
	return {
		isWorkingDay: (day) => office.get(day) ?? isStateCouncilWorkday(day)
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
