/** What every report builder shares: its signature and the small helpers rows are made of. */
import type { Cell, ReportColumn, TrendPoint } from '../../reports/types';
import type { AppContext } from '../context';
import type { ResolvedScope } from './scope';

export interface ReportBody {
	columns: ReportColumn[];
	rows: Record<string, Cell>[];
	trend: TrendPoint[] | null;
}

export type ReportBuilder = (ctx: AppContext, scope: ResolvedScope) => Promise<ReportBody>;

/** Shorthand for a column whose label is `reports.col.<key>`. */
export function col(key: string, kind: ReportColumn['kind']): ReportColumn {
	return { key, label: `reports.col.${key}`, kind };
}

/** Branches the report covers: the one selected, else the scope (null = all). */
export function coveredBranchIds(scope: ResolvedScope): number[] | null {
	return scope.branch ? [scope.branch.id] : scope.branchIds;
}
