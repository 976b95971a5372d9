/**
 * Session times as people in the office read them: in the user's language, but always on the
 * office's clock (Asia/Shanghai), whatever time zone the browser or server is in.
 */
const OFFICE_TIME_ZONE = 'Asia/Shanghai';

function dayFormat(locale: string): Intl.DateTimeFormat {
	return new Intl.DateTimeFormat(locale, {
		timeZone: OFFICE_TIME_ZONE,
		year: 'numeric',
		month: 'short',
		day: 'numeric',
		weekday: 'short'
	});
}

function timeFormat(locale: string): Intl.DateTimeFormat {
	return new Intl.DateTimeFormat(locale, {
		timeZone: OFFICE_TIME_ZONE,
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23'
	});
}

/** "2026年3月3日周二 09:00–11:30". */
export function formatSessionTime(locale: string, startsAt: number, endsAt: number): string {
	const time = timeFormat(locale);
	return `${dayFormat(locale).format(startsAt)} ${time.format(startsAt)}–${time.format(endsAt)}`;
}

/** Just the clock time, e.g. for when a sign-in code expires. */
export function formatClock(locale: string, at: number): string {
	return timeFormat(locale).format(at);
}

/** ISO form for <time datetime>. */
export function isoInstant(at: number): string {
	return new Date(at).toISOString();
}
