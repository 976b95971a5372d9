import type { Standing } from './standing';
import { roundHours } from './standing';

/** The earliest year the pages offer: the ledger starts with this system. */
export const FIRST_YEAR = 2020;

/** A year from a query string; anything missing or out of range falls back to `thisYear`. */
export function parseYear(value: string | null | undefined, thisYear: number): number {
	if (!value || !/^\d{4}$/.test(value)) return thisYear;
	const year = Number(value);
	return year >= FIRST_YEAR && year <= thisYear ? year : thisYear;
}

/** Years to choose from, newest first: this year and up to four before it. */
export function yearOptions(thisYear: number): number[] {
	const years: number[] = [];
	for (let y = thisYear; y >= Math.max(FIRST_YEAR, thisYear - 4); y--) years.push(y);
	return years;
}

export interface BranchSummary {
	branchCode: string;
	branchName: string;
	staff: number;
	/** People who have met the whole requirement for the year. */
	complete: number;
	behindPace: number;
	averageRemote: number;
	averageCentralized: number;
}

/** Per-branch roll-up of people's standings, in the order the branches first appear. */
export function summarizeBranches(
	rows: { branchCode: string; branchName: string; standing: Standing }[]
): BranchSummary[] {
	const byBranch = new Map<string, BranchSummary & { remote: number; centralized: number }>();
	for (const row of rows) {
		const s = byBranch.get(row.branchCode) ?? {
			branchCode: row.branchCode,
			branchName: row.branchName,
			staff: 0,
			complete: 0,
			behindPace: 0,
			averageRemote: 0,
			averageCentralized: 0,
			remote: 0,
			centralized: 0
		};
		s.staff++;
		if (row.standing.complete) s.complete++;
		if (row.standing.behindPace) s.behindPace++;
		s.remote += row.standing.earned.remote;
		s.centralized += row.standing.earned.centralized;
		byBranch.set(row.branchCode, s);
	}
	return [...byBranch.values()].map(({ remote, centralized, ...s }) => ({
		...s,
		averageRemote: roundHours(remote / s.staff),
		averageCentralized: roundHours(centralized / s.staff)
	}));
}
