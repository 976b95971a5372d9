/**
 * The pass-rate report counted in SQLite: the facts of pass-rate-queries.ts folded into one row
 * per report group and one per trend month by a single statement. The `people` step restates
 * the spot standing rule's `outcomeOf` (spot/standing.ts), column for field:
 * - exempt wins; otherwise anyone with a result in the window sat (hasSat = sat);
 * - passed = any result passed (hasPassed); first try = the first result passed (firstTry);
 * - absent = recorded absent and never sat (isAbsent).
 * tests/integration/reports/summary-pass-rate-facts.test.ts holds it, row for row, to `tally`
 * over the facts the spot domain's own reads and rule give, on a fixture with every case.
 *
 * Counting here rather than in JS keeps the work with the database: on the report worker the
 * request thread receives a few hundred small rows, not thousands of facts to fold (which cost
 * it garbage-collection pauses that examinees felt).
 */
import type { ReportFilters } from '../../reports/types';
import { rows, type Db } from '../db';
import type { TallyCounts } from '../spot/tracking';
import { factsBody } from './pass-rate-queries';
import { runInWorker } from './worker';

export interface PassRateCountQuery {
	fromMonth: string;
	toMonth: string;
	/** Applies to rows and trend alike. */
	position: string | null;
	groupBy: ReportFilters['groupBy'];
	/** Branches whose people make the rows; null for all. The trend's office line is all. */
	rowBranchIds: number[] | null;
	/** The trend's branch line; null for none. */
	trendBranchId: number | null;
}

/**
 * One report row's counts and its group's labels. Labels the grouping does not fix come from an
 * arbitrary member; the report shows only its grouping's columns (pass-rates.ts GROUP_COLUMNS).
 */
export interface PassRateGroupCounts extends TallyCounts {
	branchCode: string | null;
	branchName: string | null;
	month: string | null;
	position: string | null;
	campaign: string | null;
}

export interface PassRateMonthCounts {
	month: string;
	office: { sat: number; passed: number };
	branch: { sat: number; passed: number };
}

export interface PassRateCounts {
	groups: PassRateGroupCounts[];
	months: PassRateMonthCounts[];
}

/** Per grouping: what a group is, and its order (the sort keys s1, s2). */
const GROUPING: Record<ReportFilters['groupBy'], { by: string; s1: string; s2: string }> = {
	branch_month: { by: 'branchId, month', s1: 'branchCode', s2: 'month' },
	branch: { by: 'branchId', s1: 'branchCode', s2: 'null' },
	month: { by: 'month', s1: 'month', s2: 'null' },
	position: { by: 'position', s1: 'position', s2: 'null' },
	campaign: { by: 'campaignId', s1: 'month', s2: 'campaignId' }
};

function countsQuery(q: PassRateCountQuery): { sql: string; params: unknown[] } {
	const facts = factsBody({
		fromMonth: q.fromMonth,
		toMonth: q.toMonth,
		branchIds: null,
		position: q.position
	});
	const g = GROUPING[q.groupBy];
	const rowFilter = q.rowBranchIds ? 'where branchId in (select value from json_each(?))' : '';
	return {
		sql: `
		with facts as materialized (${facts.sql}),
		people as (
			select *,
				iif(exempt, 0, results is not null) as hasSat,
				iif(exempt, 0, coalesce(instr(results, '1') > 0, 0)) as hasPassed,
				iif(exempt, 0, results is null and absent) as isAbsent,
				iif(exempt, 0, coalesce(substr(results, 1, 1) = '1', 0)) as firstTry
			from facts
		)
		select 0 as part, ${g.s1} as s1, ${g.s2} as s2,
			branchCode, branchName, month, position, campaignTitle as campaign,
			count(*) as drawn, sum(hasSat) as sat, sum(hasPassed) as passed, sum(isAbsent) as absent,
			sum(exempt) as exempt, sum(firstTry) as firstTryPassed, 0 as branchSat, 0 as branchPassed
		from people ${rowFilter}
		group by ${g.by}
		union all
		select 1, month, null, null, null, month, null, null,
			count(*), sum(hasSat), sum(hasPassed), 0, 0, 0,
			sum(iif(branchId = ?, hasSat, 0)), sum(iif(branchId = ?, hasPassed, 0))
		from people
		group by month
		order by part, s1, s2`,
		params: [
			...facts.params,
			...(q.rowBranchIds ? [JSON.stringify(q.rowBranchIds)] : []),
			q.trendBranchId,
			q.trendBranchId
		]
	};
}

interface CountRow extends TallyCounts {
	part: 0 | 1;
	branchCode: string | null;
	branchName: string | null;
	month: string | null;
	position: string | null;
	campaign: string | null;
	branchSat: number;
	branchPassed: number;
}

function split(rows: CountRow[]): PassRateCounts {
	const groups: PassRateGroupCounts[] = [];
	const months: PassRateMonthCounts[] = [];
	for (const r of rows) {
		if (r.part === 1) {
			months.push({
				month: r.month!,
				office: { sat: r.sat, passed: r.passed },
				branch: { sat: r.branchSat, passed: r.branchPassed }
			});
			continue;
		}
		groups.push({
			branchCode: r.branchCode,
			branchName: r.branchName,
			month: r.month,
			position: r.position,
			campaign: r.campaign,
			drawn: r.drawn,
			sat: r.sat,
			passed: r.passed,
			absent: r.absent,
			exempt: r.exempt,
			firstTryPassed: r.firstTryPassed
		});
	}
	return { groups, months };
}

/** The counts on this thread (the CLI, tests). */
export async function selectPassRateCounts(db: Db, q: PassRateCountQuery): Promise<PassRateCounts> {
	const { sql, params } = countsQuery(q);
	return split(await rows<CountRow>(db, sql, params));
}

/** The same counts on the report worker's own connection to `databasePath` (web requests). */
export async function selectPassRateCountsOffThread(
	databasePath: string,
	q: PassRateCountQuery
): Promise<PassRateCounts> {
	const { sql, params } = countsQuery(q);
	return split(await runInWorker<CountRow>(databasePath, sql, params));
}
