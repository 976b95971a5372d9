/**
 * The pass-rate grid (branches × months, the layout of the monthly 通报), for server and browser
 * alike: the shape the page and the workbook receive, and whether a cell falls below the line.
 */
import type { Rate } from './rate';

export interface GridRow {
	branchCode: string;
	branchName: string;
	/** One per month of `months`, in order. */
	cells: Rate[];
	/** The branch over the whole range. */
	total: Rate;
}

export interface PassRateGrid {
	months: string[];
	rows: GridRow[];
	/** The office (every row summed) per month, and over the whole range. */
	office: { cells: Rate[]; total: Rate };
	/** A share, 0–1. */
	threshold: number;
}

/** A rate with people in it whose value is under the threshold (an empty cell is not). */
export function isBelow(r: Rate, threshold: number): boolean {
	return r.value !== null && r.value < threshold;
}
