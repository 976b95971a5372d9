/**
 * The pass-rate report counted by the database: the facts of pass-rate-facts.ts folded into one
 * row per report group and one per trend month by a single statement. The `people` step restates
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
import type { ReportFilters } from '../../../reports/types';
import { databaseOf, rows, type Db, type Dialect } from '../../db';
import type { TallyCounts } from '../../spot/service';
import { runInWorker } from '../worker';
import { factsBody } from './pass-rate-facts';
import { inIds, type Statement } from './sql';

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
	branch_month: { by: '"branchId", month', s1: '"branchCode"', s2: 'month' },
	branch: { by: '"branchId"', s1: '"branchCode"', s2: 'null' },
	month: { by: 'month', s1: 'month', s2: 'null' },
	position: { by: 'position', s1: 'position', s2: 'null' },
	campaign: { by: '"campaignId"', s1: 'month', s2: '"campaignId"' }
};

/**
 * Every selected column of a group is grouped or aggregated (PostgreSQL insists): a label the
 * grouping fixes is its `min`, and one it does not is some member's, as the interface says.
 */
function countsQuery(q: PassRateCountQuery, dialect?: Dialect): Statement {
	const facts = factsBody(
		{ fromMonth: q.fromMonth, toMonth: q.toMonth, branchIds: null, position: q.position },
		dialect
	);
	const g = GROUPING[q.groupBy];
	const rowFilter = q.rowBranchIds ? inIds('"branchId"', q.rowBranchIds) : null;
	const s2 = g.s2 === 'null' ? 'null' : `min(${g.s2})`;
	return {
		sql: `
		with facts as materialized (${facts.sql}),
		people as (
			select *,
				case when exempt = 1 then 0 when results is not null then 1 else 0 end as "hasSat",
				case when exempt = 1 then 0 when results like '%1%' then 1 else 0 end as "hasPassed",
				case when exempt = 1 then 0 when results is null and absent = 1 then 1 else 0 end
					as "isAbsent",
				case when exempt = 1 then 0 when substr(results, 1, 1) = '1' then 1 else 0 end
					as "firstTry"
			from facts
		)
		select 0 as part, min(${g.s1}) as s1, ${s2} as s2,
			min("branchCode") as "branchCode", min("branchName") as "branchName", min(month) as month,
			min(position) as position, min("campaignTitle") as campaign,
			count(*) as drawn, sum("hasSat") as sat, sum("hasPassed") as passed,
			sum("isAbsent") as absent, sum(exempt) as exempt, sum("firstTry") as "firstTryPassed",
			0 as "branchSat", 0 as "branchPassed"
		from people ${rowFilter ? `where ${rowFilter.sql}` : ''}
		group by ${g.by}
		union all
		select 1, month, null, null, null, month, null, null,
			count(*), sum("hasSat"), sum("hasPassed"), 0, 0, 0,
			sum(case when "branchId" = ? then "hasSat" else 0 end),
			sum(case when "branchId" = ? then "hasPassed" else 0 end)
		from people
		group by month
		order by part, s1, s2`,
		params: [
			...facts.params,
			...(rowFilter ? rowFilter.params : []),
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
		if (Number(r.part) === 1) {
			months.push({
				month: r.month!,
				office: { sat: Number(r.sat), passed: Number(r.passed) },
				branch: { sat: Number(r.branchSat), passed: Number(r.branchPassed) }
			});
			continue;
		}
		groups.push({
			branchCode: r.branchCode,
			branchName: r.branchName,
			month: r.month,
			position: r.position,
			campaign: r.campaign,
			drawn: Number(r.drawn),
			sat: Number(r.sat),
			passed: Number(r.passed),
			absent: Number(r.absent),
			exempt: Number(r.exempt),
			firstTryPassed: Number(r.firstTryPassed)
		});
	}
	return { groups, months };
}

/** The counts on this thread (the CLI, tests). */
export async function selectPassRateCounts(db: Db, q: PassRateCountQuery): Promise<PassRateCounts> {
	const { sql, params } = countsQuery(q, databaseOf(db).dialect);
	return split(await rows<CountRow>(db, sql, params));
}

/**
 * The same counts for web requests: on SQLite on the report worker's own connection to
 * `databasePath`; on PostgreSQL the server does the work, through `db`.
 */
export async function selectPassRateCountsOffThread(
	db: Db,
	databasePath: string,
	q: PassRateCountQuery
): Promise<PassRateCounts> {
	if (databaseOf(db).dialect === 'postgres') return await selectPassRateCounts(db, q);
	const { sql, params } = countsQuery(q);
	return split(await runInWorker<CountRow>(databasePath, sql, params));
}
