/**
 * The shape every report has, on the server, in the browser and in the CSV export. Report rows
 * are plain data: the page and the CSV writer format them by column kind.
 */
import type { Rate } from './rate';

export const REPORT_NAMES = [
	'pass-rates',
	'certification',
	'hours',
	'onboarding',
	'activity',
	'competency'
] as const;
export type ReportName = (typeof REPORT_NAMES)[number];

export function isReportName(value: string): value is ReportName {
	return (REPORT_NAMES as readonly string[]).includes(value);
}

/** Filters, all reflected in the URL so a view can be bookmarked and shared. */
export interface ReportFilters {
	/** First month, YYYY-MM. */
	from: string;
	/** Last month, YYYY-MM (inclusive). */
	to: string;
	branchCode: string | null;
	position: string | null;
	/** How pass-rate rows are grouped; other reports ignore it. */
	groupBy: 'branch_month' | 'branch' | 'month' | 'position' | 'campaign';
}

/**
 * 'enum': a code shown through the message key `reports.value.<code>` (e.g. a competency status);
 * 'flag': 1 or 0, shown as yes or no.
 */
export type CellKind =
	| 'text'
	| 'code'
	| 'int'
	| 'rate'
	| 'hours'
	| 'date'
	| 'enum'
	| 'flag'
	/** An office month 'YYYY-MM': shown as 2026年11月, exported as it is. */
	| 'month';
export type Cell = string | number | Rate | null;

export interface ReportColumn {
	key: string;
	/** Message key of the column header (Chinese by default, English with the English locale). */
	label: string;
	kind: CellKind;
}

export interface TrendPoint {
	month: string;
	/** The selected branch; null when no branch is selected. */
	branch: Rate | null;
	office: Rate;
}

export interface ReportResult {
	name: ReportName;
	filters: ReportFilters;
	columns: ReportColumn[];
	rows: Record<string, Cell>[];
	/** Where time is an axis (pass rates by month). */
	trend: TrendPoint[] | null;
}
