/** Report filters read from a URL: anything malformed falls back to its default, never throws. */
import type { ReportFilters } from '../../reports/types';
import { addDays, addMonths, isValidDay } from '../../time/days';

export const GROUP_BYS: readonly ReportFilters['groupBy'][] = [
	'branch_month',
	'branch',
	'month',
	'position',
	'campaign'
];
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
// Codes and positions are short identifiers; anything longer is junk from a hand-edited URL.
const MAX_TEXT = 64;

export function isMonth(value: string | null): value is string {
	return value !== null && MONTH.test(value);
}

/** Months from `from` to `to`, both included, in order. */
export function monthsOf(from: string, to: string): string[] {
	const months: string[] = [];
	for (let m = from; m <= to && months.length < 1200; m = addMonths(`${m}-01`, 1).slice(0, 7)) {
		months.push(m);
	}
	return months;
}

/** First and last office day of a month range. */
export function dayRange(from: string, to: string): { fromDay: string; toDay: string } {
	return { fromDay: `${from}-01`, toDay: addDays(addMonths(`${to}-01`, 1), -1) };
}

function text(value: string | null): string | null {
	const v = value?.trim() ?? '';
	return v.length > 0 && v.length <= MAX_TEXT ? v : null;
}

/** Filters from `params`; defaults are the 12 months ending with the month of `today`. */
export function parseReportFilters(params: URLSearchParams, today: string): ReportFilters {
	const day = isValidDay(today) ? today : '1970-01-01';
	const thisMonth = day.slice(0, 7);
	const defaultFrom = addMonths(`${thisMonth}-01`, -11).slice(0, 7);
	let from = params.get('from');
	let to = params.get('to');
	if (!isMonth(to)) to = thisMonth;
	if (!isMonth(from))
		from = to === thisMonth ? defaultFrom : addMonths(`${to}-01`, -11).slice(0, 7);
	// A reversed range is a typo, not a request for nothing: fall back to the default window.
	if (from > to) [from, to] = [defaultFrom, thisMonth];
	const groupBy = params.get('groupBy');
	return {
		from,
		to,
		branchCode: text(params.get('branch')),
		position: text(params.get('position')),
		groupBy: GROUP_BYS.find((g) => g === groupBy) ?? 'branch_month'
	};
}

/** The query string for `filters`, so pages and links build the same URLs the parser reads. */
export function filtersToParams(filters: ReportFilters): URLSearchParams {
	const p = new URLSearchParams({ from: filters.from, to: filters.to });
	if (filters.branchCode) p.set('branch', filters.branchCode);
	if (filters.position) p.set('position', filters.position);
	if (filters.groupBy !== 'branch_month') p.set('groupBy', filters.groupBy);
	return p;
}
