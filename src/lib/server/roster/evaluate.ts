import type { AppContext } from '../context';
import type { Problem } from '../errors';
import type { Importer } from './actor';
import { planRoster, type RosterPlan } from './plan';
import { atOnce, driveSteps, type Pace } from '../steps';
import { readRosterFileSteps } from './read';
import { employeeNoRule } from './values';
import type { NewBranch, RosterCounts, RosterFileResult, StaffChange } from './types';
import * as data from './data';

/** What HR sees before committing: counts, every problem and the change for each person. */
export interface RosterPreview {
	importId: number | null;
	fileName: string;
	encoding: RosterFileResult['encoding'];
	ignoredColumns: string[];
	counts: RosterCounts;
	problems: Problem[];
	changes: StaffChange[];
	newBranches: NewBranch[];
}

export interface Evaluation {
	file: RosterFileResult;
	plan: RosterPlan;
	problems: Problem[];
	counts: RosterCounts;
	/** The roster_version the plan was made against (read before the snapshot). */
	version: number;
}

/** Progress of an evaluation: file rows checked so far, of all of them. */
export interface RowProgress {
	done: number;
	total: number;
}

/**
 * Reads a stored or uploaded file and plans it against the database `ctx.db` sees now. `pace`
 * is called with the rows checked so far, then once per page of people read.
 */
export async function evaluate(
	ctx: AppContext,
	importer: Importer,
	bytes: Uint8Array,
	pace: Pace<RowProgress> = atOnce
): Promise<Evaluation> {
	const rule = employeeNoRule(ctx.config.employeeNoPattern);
	const file = await driveSteps(readRosterFileSteps(bytes, rule), pace);
	const version = await data.selectRosterVersion(ctx.db);
	const checked = { done: file.rowCount, total: file.rowCount };
	const snapshot = await data.selectSnapshot(ctx.db, () => pace(checked));
	const plan = planRoster(file.records, snapshot, importer);
	const problems = [...file.problems, ...plan.problems].sort(
		(a, b) => Number(a.params?.line ?? 0) - Number(b.params?.line ?? 0)
	);
	const counts: RosterCounts = {
		rows: file.rowCount,
		created: plan.creates.length,
		changed: plan.updates.length,
		unchanged: plan.unchanged,
		newBranches: plan.newBranches.length,
		problems: problems.length
	};
	return { file, plan, problems, counts, version };
}

export function toPreview(importId: number | null, fileName: string, e: Evaluation): RosterPreview {
	const created: StaffChange[] = e.plan.creates.map((p) => ({
		line: p.record.line,
		employeeNo: p.record.employeeNo,
		name: p.record.name,
		kind: 'new',
		changes: [
			{ field: 'branch', from: null, to: p.branchLabel },
			{ field: 'position', from: null, to: p.record.position },
			{ field: 'roles', from: null, to: p.roles.join(',') },
			{ field: 'status', from: null, to: p.status }
		]
	}));
	const changed: StaffChange[] = e.plan.updates.map((p) => ({
		line: p.record.line,
		employeeNo: p.record.employeeNo,
		name: p.record.name,
		kind: 'changed',
		changes: p.changes
	}));
	return {
		importId,
		fileName,
		encoding: e.file.encoding,
		ignoredColumns: e.file.ignoredColumns,
		counts: e.counts,
		problems: e.problems,
		changes: [...created, ...changed].sort((a, b) => a.line - b.line),
		newBranches: e.plan.newBranches
	};
}
