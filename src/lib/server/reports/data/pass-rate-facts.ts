/**
 * The pass-rate report's facts: one per tracked person per campaign. The report itself counts
 * them in SQL (pass-rate-counts.ts selects from `factsBody`); `selectPassRateFacts` returns them
 * one by one, which is what the tests hold both the SQL rules and that count to.
 */
import { databaseOf, rows, type Db, type Dialect } from '../../db';
import { listAggSql } from '../../db/dialect';
import type { TrackedPerson } from '../../spot/service';
import { inIds, type Statement } from './sql';

export interface PassRateFact extends TrackedPerson {
	campaignId: number;
	campaignTitle: string;
	/** YYYY-MM the campaign reports under. */
	month: string;
	/** The person's position when drawn (their current one if the draw never recorded it). */
	position: string;
}

export interface PassRateRange {
	fromMonth: string;
	toMonth: string;
	/** Null for every branch. */
	branchIds: number[] | null;
	/** Only people of this position when drawn; null or absent for all. */
	position?: string | null;
}

/**
 * Tracked people of every campaign in [fromMonth, toMonth], oldest campaign first.
 *
 * One statement instead of four reads per campaign folded in JS: over three years (36
 * campaigns) the per-campaign round trips and the O(people × events) fold cost ~0.5 s, ten times
 * a COUNT(*) over 5 million attempts; this costs about one index probe per tracked person. It
 * restates the standing rule of spot/standing.ts (`buildStandings`, `isTracked`) in SQL:
 * - the live (unvoided) draw of each campaign;
 * - tracked = drawn, or an alternate some assignment of the same draw was `replaced_by`;
 * - exempt / absent = such an event exists for the assignment;
 * - results = the person's submitted attempts at the campaign's exam started inside the window,
 *   oldest first (started_at, id), passed === true;
 * - branch and position are the assignment's (the person's when drawn), not today's;
 * - within a campaign, ordered by branch code, role, rank like selectAssignments.
 * tests/integration/reports/summary-pass-rate-facts.test.ts holds it, row for row, to the spot
 * domain's own reads on a fixture with every case of the rule.
 */
export async function selectPassRateFacts(db: Db, range: PassRateRange): Promise<PassRateFact[]> {
	const body = factsBody(range, databaseOf(db).dialect);
	const sql = `${body.sql} order by c.month, c.id, b.code, a.role, a.rank`;
	return (await rows<FactRow>(db, sql, body.params)).map(toFact);
}

interface FactRow {
	campaignId: number;
	campaignTitle: string;
	month: string;
	branchId: number;
	branchCode: string;
	branchName: string;
	position: string;
	exempt: number;
	absent: number;
	results: string | null;
}

/**
 * The facts statement without its order, to select from or to count over. `exempt` and `absent`
 * are 0/1; `results` is one character per result, '1' passed and '0' not, oldest first, or null
 * when the person has none.
 */
export function factsBody(range: PassRateRange, dialect?: Dialect): Statement {
	const position = range.position ?? null;
	const branches = range.branchIds ? inIds('a.branch_id', range.branchIds) : null;
	const results = listAggSql(
		`case when t.passed then '1' else '0' end`,
		'',
		't.started_at, t.id',
		dialect
	);
	return {
		sql: `
		select c.id as "campaignId", c.title as "campaignTitle", c.month as month,
			a.branch_id as "branchId", b.code as "branchCode", b.name as "branchName",
			coalesce(a.position, s.position) as position,
			case when exists (select 1 from spot_event e where e.assignment_id = a.id and e.kind = 'exempt')
				then 1 else 0 end as exempt,
			case when exists (select 1 from spot_event e where e.assignment_id = a.id and e.kind = 'absent')
				then 1 else 0 end as absent,
			(select ${results}
				from attempt t
				where t.staff_id = a.staff_id and t.exam_id = c.exam_id and t.status = 'submitted'
					and t.started_at >= c.window_opens_at and t.started_at < c.window_closes_at
			) as results
		from spot_campaign c
		join spot_draw d on d.id = (
			select id from spot_draw where campaign_id = c.id and voided_at is null limit 1
		)
		join spot_assignment a on a.draw_id = d.id
		join staff s on s.id = a.staff_id
		join branch b on b.id = a.branch_id
		where c.month >= ? and c.month <= ?
			-- Materialized once: correlated per alternate it walked the whole draw every time.
			and (a.role = 'drawn' or a.id in (
				select r.other_assignment_id from spot_event r
				join spot_assignment x on x.id = r.assignment_id
				join spot_assignment y on y.id = r.other_assignment_id
				where r.kind = 'replaced_by' and x.draw_id = y.draw_id
			))
			${branches ? `and ${branches.sql}` : ''}
			${position !== null ? `and coalesce(a.position, s.position) = ?` : ''}`,
		params: [
			range.fromMonth,
			range.toMonth,
			...(branches ? branches.params : []),
			...(position !== null ? [position] : [])
		]
	};
}

function toFact(r: FactRow): PassRateFact {
	return {
		branchId: r.branchId,
		exempt: Number(r.exempt) === 1,
		absent: Number(r.absent) === 1,
		results: r.results ? [...r.results].map((c) => c === '1') : [],
		campaignId: r.campaignId,
		campaignTitle: r.campaignTitle,
		month: r.month,
		position: r.position
	};
}
