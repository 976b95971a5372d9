/**
 * Dates, date-times and months as people in the office read them: in the user's language, always
 * on the office's clock (OFFICE_TIME_ZONE), whatever zone the server rendering the page or the
 * browser hydrating it is in, so both render the same text.
 *
 * Instants are epoch ms; days 'YYYY-MM-DD' and months 'YYYY-MM' are office calendar dates.
 * An exclusive end (a window closing at 00:00 on 1 January) shown as a date is the last day it
 * covers (31 December): use formatEndDate. Shown with its time it stays the instant it is.
 */
import { OFFICE_TIME_ZONE, lastOfficeDayBefore, officeDay, officeDayStart } from './office';

type Style = 'short' | 'medium' | 'long' | 'full';

// Building an Intl formatter costs far more than using one; tables format hundreds of cells.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	const key = `${locale} ${JSON.stringify(options)}`;
	let f = formatters.get(key);
	if (!f) {
		f = new Intl.DateTimeFormat(locale, { ...options, timeZone: OFFICE_TIME_ZONE });
		formatters.set(key, f);
	}
	return f;
}

/** The office date of an instant, e.g. "2026年3月3日" / "Mar 3, 2026". */
export function formatDate(locale: string, ms: number, style: Style = 'medium'): string {
	return formatter(locale, { dateStyle: style }).format(ms);
}

/** An office calendar day ('YYYY-MM-DD', or an ISO text starting with one) as a date. */
export function formatDay(locale: string, day: string, style: Style = 'medium'): string {
	return formatDate(locale, officeDayStart(day.slice(0, 10)), style);
}

/** The last day a period ending (exclusively) at `endMs` covers, as a date. */
export function formatEndDate(locale: string, endMs: number, style: Style = 'medium'): string {
	return formatDay(locale, lastOfficeDayBefore(endMs), style);
}

/** An instant with its office date and time, e.g. "2026年3月3日 09:00". */
export function formatDateTime(
	locale: string,
	ms: number,
	dateStyle: Style = 'medium',
	timeStyle: Style = 'short'
): string {
	return formatter(locale, { dateStyle, timeStyle }).format(ms);
}

/** An office month ('YYYY-MM'), e.g. "2026年11月" / "Nov 2026". */
export function formatMonth(locale: string, month: string): string {
	return formatter(locale, { year: 'numeric', month: 'short' }).format(
		officeDayStart(`${month}-01`)
	);
}

/**
 * The end of a period (exclusive) with its time: a deadline at office midnight reads as 24:00 of
 * the day it closes ("2026年12月31日 24:00"), not 00:00 of the next day, which would put it a day
 * late in a reader's eyes. Any other instant shows as formatDateTime does.
 */
export function formatEndDateTime(
	locale: string,
	endMs: number,
	dateStyle: Style = 'medium'
): string {
	if (endMs !== officeDayStart(officeDay(endMs))) {
		return formatDateTime(locale, endMs, dateStyle);
	}
	return `${formatEndDate(locale, endMs, dateStyle)} 24:00`;
}

/** The office wall-clock time, 24-hour: "09:05", or "09:05:30" with seconds. */
export function formatClock(locale: string, ms: number, seconds = false): string {
	return formatter(locale, {
		hour: '2-digit',
		minute: '2-digit',
		...(seconds ? { second: '2-digit' } : {}),
		hourCycle: 'h23'
	}).format(ms);
}

/** A class session: "2026年3月3日周二 09:00–11:30". */
export function formatSessionTime(locale: string, startsAt: number, endsAt: number): string {
	const day = formatter(locale, {
		year: 'numeric',
		month: 'short',
		day: 'numeric',
		weekday: 'short'
	});
	return `${day.format(startsAt)} ${formatClock(locale, startsAt)}–${formatClock(locale, endsAt)}`;
}

/** ISO form for <time datetime>. */
export function isoInstant(ms: number): string {
	return new Date(ms).toISOString();
}
