/**
 * The pass-rate grid from the pass-rate report's branch × month rows: counts are summed, never
 * rates averaged, so a branch's total and the office's are passed ÷ sat over everyone in them.
 */
import { rate, type Rate } from '../../reports/rate';
import type { GridRow, PassRateGrid } from '../../reports/grid';
import type { Cell } from '../../reports/types';
import { monthsOf } from './filters';

type Row = Record<string, Cell>;

interface Sum {
	passed: number;
	sat: number;
}

const toRate = (s: Sum): Rate => rate(s.passed, s.sat);
const num = (cell: Cell | undefined): number => (typeof cell === 'number' ? cell : 0);

/** Pivots branch × month report rows (branchCode, branchName, month, passed, sat) into the grid. */
export function pivotPassRates(
	rows: readonly Row[],
	from: string,
	to: string,
	threshold: number
): PassRateGrid {
	const months = monthsOf(from, to);
	const column = new Map(months.map((m, i) => [m, i]));
	const blank = (): Sum[] => months.map(() => ({ passed: 0, sat: 0 }));
	const branches = new Map<string, { name: string; cells: Sum[] }>();
	const office = blank();
	for (const row of rows) {
		const code = String(row.branchCode ?? '');
		const i = column.get(String(row.month ?? ''));
		if (i === undefined) continue;
		let b = branches.get(code);
		if (!b) branches.set(code, (b = { name: String(row.branchName ?? ''), cells: blank() }));
		for (const sums of [b.cells, office]) {
			sums[i]!.passed += num(row.passed);
			sums[i]!.sat += num(row.sat);
		}
	}
	const total = (cells: Sum[]): Rate =>
		toRate(cells.reduce((a, c) => ({ passed: a.passed + c.passed, sat: a.sat + c.sat })));
	const gridRows: GridRow[] = [...branches.entries()]
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([branchCode, b]) => ({
			branchCode,
			branchName: b.name,
			cells: b.cells.map(toRate),
			total: total(b.cells)
		}));
	return {
		months,
		rows: gridRows,
		office: { cells: office.map(toRate), total: total(office) },
		threshold
	};
}
