/**
 * Calendar-day arithmetic on 'YYYY-MM-DD' days. Days carry no time zone: which day an instant
 * falls on is the office clock's business (./office.ts); here a day is only a date.
 */
export function yearOf(day: string): number {
	return Number(day.slice(0, 4));
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day in YYYY-MM-DD form (rejects 2026-02-30). */
export function isValidDay(value: string): boolean {
	const m = ISO_DAY.exec(value);
	if (!m) return false;
	const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	const date = new Date(Date.UTC(y, mo - 1, d));
	return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export function addDays(day: string, days: number): string {
	const date = new Date(`${day}T00:00:00Z`);
	date.setUTCDate(date.getUTCDate() + days);
	return date.toISOString().slice(0, 10);
}

/** Share of the calendar year elapsed by the end of `day`, in (0, 1]. */
export function yearElapsed(day: string): number {
	const year = yearOf(day);
	const start = Date.UTC(year, 0, 1);
	const end = Date.UTC(year + 1, 0, 1);
	return (Date.parse(`${day}T00:00:00Z`) + 86_400_000 - start) / (end - start);
}

/** Difference in calendar days, b - a. */
export function daysBetween(a: string, b: string): number {
	return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** Share of `year` gone before `day` starts: 0 on or before 1 January, 1 from the next year on. */
export function yearShareBefore(day: string, year: number): number {
	const start = Date.UTC(year, 0, 1);
	const end = Date.UTC(year + 1, 0, 1);
	const at = Date.parse(`${day}T00:00:00Z`);
	return Math.min(1, Math.max(0, (at - start) / (end - start)));
}

/** The same day `months` later; the 31st of a shorter month clamps to its last day. */
export function addMonths(day: string, months: number): string {
	const [y, m, d] = day.split('-').map(Number) as [number, number, number];
	const first = new Date(Date.UTC(y, m - 1 + months, 1));
	const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
	first.setUTCDate(Math.min(d, last));
	return first.toISOString().slice(0, 10);
}
