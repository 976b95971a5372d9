/**
 * The office's clock, for server and browser alike. Qualify serves a bank in mainland China,
 * which has kept China Standard Time (UTC+8) all year since 1991: no daylight saving. So an
 * office day, month or wall-clock minute is the UTC one of the instant moved eight hours on,
 * exactly, whatever time zone the server or the browser runs in. Display goes through Intl
 * with OFFICE_TIME_ZONE (./format.ts); SQL through db/dialect.ts, which takes the offset from here.
 *
 * Instants are epoch ms; days are 'YYYY-MM-DD', months 'YYYY-MM', local inputs the
 * 'YYYY-MM-DDTHH:mm' of an <input type="datetime-local">, all on the office's clock.
 */
import { isValidDay } from './days';

export const OFFICE_TIME_ZONE = 'Asia/Shanghai';
export const OFFICE_UTC_OFFSET_HOURS = 8;
export const OFFICE_UTC_OFFSET_MS = OFFICE_UTC_OFFSET_HOURS * 3_600_000;
/** The offset as ISO 8601 writes it after a local time: '+08:00'. */
export const OFFICE_UTC_OFFSET_ISO = `+${String(OFFICE_UTC_OFFSET_HOURS).padStart(2, '0')}:00`;

/** The instant's office wall clock as an ISO text ('2026-03-03T09:00:00.000Z', zone aside). */
function officeIso(ms: number): string {
	return new Date(ms + OFFICE_UTC_OFFSET_MS).toISOString();
}

/** The office's calendar day at instant `ms`. */
export function officeDay(ms: number): string {
	return officeIso(ms).slice(0, 10);
}

/** The office's calendar month at instant `ms`. */
export function officeMonth(ms: number): string {
	return officeIso(ms).slice(0, 7);
}

/**
 * The last office day a period ending (exclusively) at `endMs` covers: a window that closes at
 * midnight starting 1 January belongs to 31 December, and is shown so.
 */
export function lastOfficeDayBefore(endMs: number): string {
	return officeDay(endMs - 1);
}

/** Midnight at the start of an office day, as epoch ms (`day` already checked). */
export function officeDayStart(day: string): number {
	return Date.parse(`${day}T00:00:00${OFFICE_UTC_OFFSET_ISO}`);
}

const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** The instant of a wall-clock time ('HH:mm') on an office day; NaN when either is not real. */
export function officeInstant(day: string, time: string): number {
	if (!isValidDay(day) || !CLOCK_TIME.test(time)) return Number.NaN;
	return Date.parse(`${day}T${time}:00${OFFICE_UTC_OFFSET_ISO}`);
}

const LOCAL_INPUT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** A datetime-local value typed on the office's clock → epoch ms; NaN when it is not one. */
export function parseOfficeInput(value: string): number {
	return LOCAL_INPUT.test(value) ? Date.parse(`${value}:00${OFFICE_UTC_OFFSET_ISO}`) : Number.NaN;
}

/** Epoch ms → the value a datetime-local field shows on the office's clock. */
export function toOfficeInput(ms: number): string {
	return officeIso(ms).slice(0, 16);
}

/** The office date and time of an instant for a file name: '20260303-073000' (Beijing time). */
export function officeFileStamp(ms: number): string {
	return officeIso(ms).slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
}
