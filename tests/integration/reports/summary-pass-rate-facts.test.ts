// The pass-rate report restates the spot standing rule (spot/standing.ts) in SQL for speed: the
// facts statement (who is tracked, exempt, absent, with which results) and the counts statement
// (who sat, passed, passed first time, was absent). Both are held here, row for row, to the
// spot domain's own reads and its JS rule, on a fixture with every case of the rule in play.
import { inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { exec, row, type Db } from '../../../src/lib/server/db';
import { staff } from '../../../src/lib/server/db/schema';
import {
	selectPassRateFacts,
	type PassRateFact,
	type PassRateRange
} from '../../../src/lib/server/reports/data';
import { selectCampaigns } from '../../../src/lib/server/spot/data';
import { closeReportWorkers } from '../../../src/lib/server/reports/worker';
import { runReport, runReportAsync } from '../../../src/lib/server/reports/service';
import { SYSTEM_ACTOR } from '../../../src/lib/server/roster/actor';
import { trackedPeople } from '../../../src/lib/server/spot/standing';
import { tally } from '../../../src/lib/server/spot/tracking';
import { GROUP_BYS, monthsOf } from '../../../src/lib/server/reports/filters';
import type { ReportFilters } from '../../../src/lib/reports/types';
import { stateOf } from '../../../src/lib/server/spot/state';
import { createTestApp } from '../../helpers/app';
import { makeBank, makeExam } from '../../helpers/exams';
import { makeBranch, makeStaff } from '../../helpers/factories';

/** The composed version, as the report engineer wrote it. */
async function composedFacts(db: Db, range: PassRateRange): Promise<PassRateFact[]> {
	const facts: (Omit<PassRateFact, 'position'> & { staffId: number })[] = [];
	for (const c of (await selectCampaigns(db, range.fromMonth, range.toMonth)).reverse()) {
		const standings = (await stateOf(db, c)).standings.filter((s) => s.tracked);
		trackedPeople(standings).forEach((p, i) => {
			if (range.branchIds && !range.branchIds.includes(p.branchId)) return;
			const staffId = standings[i]!.staffId;
			facts.push({ ...p, staffId, campaignId: c.id, campaignTitle: c.title, month: c.month });
		});
	}
	const ids = [...new Set(facts.map((f) => f.staffId))];
	const positions = new Map(
		(
			await db
				.select({ id: staff.id, position: staff.position })
				.from(staff)
				.where(inArray(staff.id, ids))
				.all()
		).map((r) => [r.id, r.position])
	);
	return facts.map(({ staffId, ...f }) => ({ ...f, position: positions.get(staffId) ?? '' }));
}

const DAY = 86_400_000;

/**
 * Two branches (Z9: even people; A1: odd people) and four monthly campaigns (2025-01 to -04)
 * with every rule in play: January to March the everyday cases, April the edges. Positions:
 * every third person (p0, p3, p6…) is 综合柜员, the rest 储蓄员.
 */
async function spotHistory() {
	const app = await createTestApp();
	const id = async (text: string, params: unknown[]) =>
		(await row<{ id: number }>(app.db, `${text} returning id`, params))!.id;
	const bank = await makeBank(app);
	const spotExam = await makeExam(app, bank, { purpose: 'spot' });
	const otherExam = await makeExam(app, bank);
	const branches = [
		(await makeBranch(app, { code: 'Z9' })).id,
		(await makeBranch(app, { code: 'A1' })).id
	];
	const people: number[] = [];
	for (let i = 0; i < 18; i++) {
		const position = i % 3 === 0 ? '综合柜员' : '储蓄员';
		people.push((await makeStaff(app, { branchId: branches[i % 2]!, position })).id);
	}
	const t0 = Date.UTC(2025, 0, 10);
	const campaign = (month: string, opens: number) =>
		id(
			`insert into spot_campaign (exam_id, title, month, window_opens_at, window_closes_at, positions, branch_ids, sample_mode, sample_value, created_at)
			 values (?, ?, ?, ?, ?, '[]', '[]', 'count', 3, ?)`,
			[spotExam, `抽考 ${month}`, month, opens, opens + 10 * DAY, opens]
		);
	const draw = (campaignId: number, voided: boolean) =>
		id(`insert into spot_draw (campaign_id, seed, drawn_at, voided_at) values (?, 's', 0, ?)`, [
			campaignId,
			voided ? 1 : null
		]);
	const assign = (drawId: number, who: number, role: string, rank: number) =>
		id(
			`insert into spot_assignment (draw_id, staff_id, branch_id, role, rank)
			 select ?, id, branch_id, ?, ? from staff where id = ?`,
			[drawId, role, rank, who]
		);
	const event = (assignmentId: number, kind: string, other: number | null = null) =>
		id(
			`insert into spot_event (assignment_id, kind, other_assignment_id, recorded_at) values (?, ?, ?, 0)`,
			[assignmentId, kind, other]
		);
	let attemptNo = 0;
	const sit = (examId: number, who: number, at: number, passed: boolean | null) =>
		id(
			`insert into attempt (exam_id, staff_id, attempt_no, seed, paper, status, started_at, max_score, passed)
			 values (?, ?, ?, 's', '[]', ?, ?, 100, ?)`,
			[examId, who, ++attemptNo, passed === null ? 'open' : 'submitted', at, passed]
		);

	// January: a voided draw first, then the live one.
	const jan = await campaign('2025-01', t0);
	await assign(await draw(jan, true), people[7]!, 'drawn', 1);
	const live = await draw(jan, false);
	const [p0, p1, p2, p3, p4, p5, p6] = people as [
		number,
		number,
		number,
		number,
		number,
		number,
		number
	];
	await assign(live, p0, 'drawn', 1); // fails, then passes a retest
	await sit(spotExam, p0, t0 + DAY, false);
	await sit(spotExam, p0, t0 + 2 * DAY, true);
	const absent = await assign(live, p1, 'drawn', 1); // absent, but sat anyway: sitting wins
	await event(absent, 'absent');
	await sit(spotExam, p1, t0 + DAY, true);
	const exempt = await assign(live, p2, 'drawn', 2); // exempt, replaced by an alternate
	await event(exempt, 'exempt');
	const alternate = await assign(live, p3, 'alternate', 1);
	await event(exempt, 'replaced_by', alternate);
	await sit(spotExam, p3, t0 + 3 * DAY, true);
	await assign(live, p5, 'alternate', 2); // never called up: not tracked
	await sit(spotExam, p5, t0 + DAY, true);
	await assign(live, p4, 'drawn', 3); // only out-of-window, other-exam and open attempts: pending
	await sit(spotExam, p4, t0 - DAY, true);
	await sit(spotExam, p4, t0 + 11 * DAY, true);
	await sit(otherExam, p4, t0 + DAY, true);
	await sit(spotExam, p4, t0 + DAY, null);
	const gone = await assign(live, p6, 'drawn', 4); // absent and never sat
	await event(gone, 'absent');

	// February: a campaign without a draw, and March with one person.
	await campaign('2025-02', t0 + 31 * DAY);
	const mar = await campaign('2025-03', t0 + 59 * DAY);
	const marDraw = await draw(mar, false);
	await assign(marDraw, p0, 'drawn', 1);
	await sit(spotExam, p0, t0 + 60 * DAY, true);
	await assign(marDraw, p1, 'drawn', 1); // fails and never retests
	await sit(spotExam, p1, t0 + 61 * DAY, false);

	// April: the edges of the rule.
	const aprOpens = t0 + 90 * DAY;
	const aprCloses = aprOpens + 10 * DAY;
	const apr = await campaign('2025-04', aprOpens);
	const p = (i: number): number => people[i]!;
	const voided = await assign(await draw(apr, true), p(13), 'drawn', 1);
	const aprDraw = await draw(apr, false);
	// Z9
	const sitAnyway = await assign(aprDraw, p(8), 'drawn', 1); // exempt, sat and passed: exempt wins
	await event(sitAnyway, 'exempt');
	await sit(spotExam, p(8), aprOpens + DAY, true);
	const both = await assign(aprDraw, p(10), 'drawn', 2); // exempt and absent: exempt
	await event(both, 'exempt');
	await event(both, 'absent');
	const absentSat = await assign(aprDraw, p(12), 'drawn', 3); // absent, then sat and failed
	await event(absentSat, 'absent');
	await sit(spotExam, p(12), aprOpens + 2 * DAY, false);
	await assign(aprDraw, p(14), 'drawn', 4); // passed, then failed a retest: passed first time
	await sit(spotExam, p(14), aprOpens + DAY, true);
	await sit(spotExam, p(14), aprOpens + 2 * DAY, false);
	const standIn = await assign(aprDraw, p(16), 'alternate', 1); // stands in, then absent
	await event(sitAnyway, 'replaced_by', standIn);
	await event(standIn, 'absent');
	// A1
	await assign(aprDraw, p(9), 'drawn', 1); // submitted without a result: not a pass
	const unmarked = await sit(spotExam, p(9), aprOpens + DAY, null);
	await exec(app.db, `update attempt set status = 'submitted' where id = ?`, [unmarked]);
	await assign(aprDraw, p(11), 'drawn', 2); // a fail and a pass at the same instant: id decides
	await sit(spotExam, p(11), aprOpens + 3 * DAY, false);
	await sit(spotExam, p(11), aprOpens + 3 * DAY, true);
	await assign(aprDraw, p(13), 'drawn', 3); // only an attempt at the closing instant: pending
	await sit(spotExam, p(13), aprCloses, true);
	await assign(aprDraw, p(15), 'drawn', 4); // at the opening instant counts, at closing not
	await sit(spotExam, p(15), aprOpens, true);
	await sit(spotExam, p(15), aprCloses, false);
	// Named as a stand-in only from the voided draw: not tracked, though they sat and passed.
	const notCalled = await assign(aprDraw, p(17), 'alternate', 1);
	await event(voided, 'replaced_by', notCalled);
	await sit(spotExam, p(17), aprOpens + DAY, true);
	return { app, branches };
}

describe('selectPassRateFacts', () => {
	it('agrees with the composed spot reads: voided draws, alternates, absences, exemptions, retests, windows', async () => {
		const { app, branches } = await spotHistory();

		const ranges: PassRateRange[] = [
			{ fromMonth: '2024-01', toMonth: '2026-12', branchIds: null },
			{ fromMonth: '2025-01', toMonth: '2025-01', branchIds: [branches[1]!] },
			{ fromMonth: '2025-02', toMonth: '2025-03', branchIds: [branches[0]!] },
			{ fromMonth: '2025-04', toMonth: '2025-12', branchIds: null },
			{ fromMonth: '2025-04', toMonth: '2025-04', branchIds: [branches[1]!] }
		];
		for (const range of ranges) {
			const expected = await composedFacts(app.db, range);
			expect(await selectPassRateFacts(app.db, range)).toEqual(expected);
		}
		const all = await selectPassRateFacts(app.db, ranges[0]!);
		expect(all.map((f) => [f.month, f.exempt, f.absent, f.results])).toEqual(
			expect.arrayContaining([
				['2025-01', false, false, [false, true]],
				['2025-01', false, true, [true]],
				['2025-01', true, false, []],
				['2025-01', false, false, []],
				['2025-03', false, false, [true]],
				['2025-03', false, false, [false]],
				['2025-04', true, false, [true]],
				['2025-04', true, true, []],
				['2025-04', false, true, [false]],
				['2025-04', false, false, [true, false]],
				['2025-04', false, false, [false, true]]
			])
		);
		expect(all).toHaveLength(17);
		// The web path reads the same facts through the worker and builds the same report.
		const filters = {
			from: '2024-01',
			to: '2026-12',
			branchCode: null,
			position: null,
			groupBy: 'branch_month' as const
		};
		expect(await runReportAsync(app, SYSTEM_ACTOR, 'pass-rates', filters)).toEqual(
			await runReport(app, SYSTEM_ACTOR, 'pass-rates', filters)
		);
		await closeReportWorkers();
	});
});

/** The JS rule the SQL counts restate: group the facts, `tally` each group (spot/tracking.ts). */
function foldedReport(
	facts: PassRateFact[],
	codes: Map<number, string>,
	filters: ReportFilters,
	branchId: number | null
) {
	const byPosition = facts.filter(
		(f) => filters.position === null || f.position === filters.position
	);
	const mine = byPosition.filter((f) => branchId === null || f.branchId === branchId);
	const key = (f: PassRateFact): string => {
		const code = codes.get(f.branchId)!;
		return {
			branch_month: `${code}|${f.month}`,
			branch: code,
			month: f.month,
			position: f.position,
			campaign: `${f.month}|${String(f.campaignId).padStart(9, '0')}`
		}[filters.groupBy];
	};
	const groups = new Map<string, PassRateFact[]>();
	for (const f of mine) groups.set(key(f), [...(groups.get(key(f)) ?? []), f]);
	const counts = [...groups.entries()]
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
		.map(([, g]) => {
			const t = tally(g);
			return [t.drawn, t.sat, t.passed, t.failed, t.absent, t.exempt, t.pending, t.firstTryPassed];
		});
	const trend = monthsOf(filters.from, filters.to).map((month) => {
		const inMonth = byPosition.filter((f) => f.month === month);
		return {
			office: tally(inMonth).passRate.num + '/' + tally(inMonth).passRate.den,
			branch:
				branchId === null
					? null
					: tally(inMonth.filter((f) => f.branchId === branchId)).passRate.num +
						'/' +
						tally(inMonth.filter((f) => f.branchId === branchId)).passRate.den
		};
	});
	return { counts, trend };
}

const METRIC_KEYS = [
	'drawn',
	'sat',
	'passed',
	'failed',
	'absent',
	'exempt',
	'pending',
	'firstTryPassed'
];

describe('pass-rate report counts', () => {
	const base: ReportFilters = {
		from: '2025-01',
		to: '2025-03',
		branchCode: null,
		position: null,
		groupBy: 'branch_month'
	};
	const r = (num: number, den: number) => ({ num, den, value: den === 0 ? null : num / den });

	it('match hand-computed rows: retests, absences that sat, exemptions, alternates, failures', async () => {
		const { app } = await spotHistory();
		const pick = (row: Record<string, unknown>) => ({
			branchCode: row.branchCode,
			month: row.month,
			...Object.fromEntries(METRIC_KEYS.map((k) => [k, row[k]])),
			passRate: row.passRate,
			firstTryRate: row.firstTryRate,
			participation: row.participation
		});
		const rows = (await runReport(app, SYSTEM_ACTOR, 'pass-rates', base)).rows.map(pick);
		expect(rows).toEqual([
			{
				branchCode: 'A1',
				month: '2025-01',
				drawn: 2,
				sat: 2,
				passed: 2,
				failed: 0,
				absent: 0,
				exempt: 0,
				pending: 0,
				firstTryPassed: 2,
				passRate: r(2, 2),
				firstTryRate: r(2, 2),
				participation: r(2, 2)
			},
			{
				branchCode: 'A1',
				month: '2025-03',
				drawn: 1,
				sat: 1,
				passed: 0,
				failed: 1,
				absent: 0,
				exempt: 0,
				pending: 0,
				firstTryPassed: 0,
				passRate: r(0, 1),
				firstTryRate: r(0, 1),
				participation: r(1, 1)
			},
			{
				branchCode: 'Z9',
				month: '2025-01',
				drawn: 4,
				sat: 1,
				passed: 1,
				failed: 0,
				absent: 1,
				exempt: 1,
				pending: 1,
				firstTryPassed: 0,
				passRate: r(1, 1),
				firstTryRate: r(0, 1),
				participation: r(1, 3)
			},
			{
				branchCode: 'Z9',
				month: '2025-03',
				drawn: 1,
				sat: 1,
				passed: 1,
				failed: 0,
				absent: 0,
				exempt: 0,
				pending: 0,
				firstTryPassed: 1,
				passRate: r(1, 1),
				firstTryRate: r(1, 1),
				participation: r(1, 1)
			}
		]);

		const byPosition = await runReport(app, SYSTEM_ACTOR, 'pass-rates', {
			...base,
			groupBy: 'position'
		});
		expect(byPosition.columns.map((c) => c.key).slice(0, 2)).toEqual(['position', 'drawn']);
		expect(byPosition.rows).toEqual([
			{
				position: '储蓄员',
				drawn: 4,
				sat: 2,
				passed: 1,
				failed: 1,
				absent: 0,
				exempt: 1,
				pending: 1,
				firstTryPassed: 1,
				passRate: r(1, 2),
				firstTryRate: r(1, 2),
				participation: r(2, 3)
			},
			{
				position: '综合柜员',
				drawn: 4,
				sat: 3,
				passed: 3,
				failed: 0,
				absent: 1,
				exempt: 0,
				pending: 0,
				firstTryPassed: 2,
				passRate: r(3, 3),
				firstTryRate: r(2, 3),
				participation: r(3, 4)
			}
		]);

		// A1 against the office; February had a campaign but no draw: no rate, not 0 %.
		const a1 = await runReport(app, SYSTEM_ACTOR, 'pass-rates', { ...base, branchCode: 'A1' });
		expect(a1.rows.map((row) => row.branchCode)).toEqual(['A1', 'A1']);
		expect(a1.trend).toEqual([
			{ month: '2025-01', office: r(3, 3), branch: r(2, 2) },
			{ month: '2025-02', office: r(0, 0), branch: r(0, 0) },
			{ month: '2025-03', office: r(1, 2), branch: r(0, 1) }
		]);
	});

	it('count the edges by hand: exempt wins over sitting and absence, sitting over absence, windows', async () => {
		const { app } = await spotHistory();
		const april = { ...base, from: '2025-04', to: '2025-04' };
		const rows = (await runReport(app, SYSTEM_ACTOR, 'pass-rates', april)).rows;
		const counts = (code: string) => {
			const found = rows.find((row) => row.branchCode === code)!;
			return Object.fromEntries(METRIC_KEYS.map((k) => [k, found[k]]));
		};
		// p8 exempt though passed, p10 exempt and absent, p12 absent but failed, p14 passed then
		// failed, p16 the stand-in for p8 and absent.
		expect(counts('Z9')).toEqual({
			drawn: 5,
			sat: 2,
			passed: 1,
			failed: 1,
			absent: 1,
			exempt: 2,
			pending: 0,
			firstTryPassed: 1
		});
		// p9 submitted unmarked, p11 fail then pass at one instant, p13 only at the close, p15 at
		// the opening; p17, named only from the voided draw, is not counted.
		expect(counts('A1')).toEqual({
			drawn: 4,
			sat: 3,
			passed: 2,
			failed: 1,
			absent: 0,
			exempt: 0,
			pending: 1,
			firstTryPassed: 1
		});
	});

	it('agree row for row with the JS standing rule for every grouping, branch and position', async () => {
		const { app, branches } = await spotHistory();
		// The facts from the spot domain's own reads and rule, not from the SQL under test.
		const facts = await composedFacts(app.db, {
			fromMonth: '2024-12',
			toMonth: '2025-04',
			branchIds: null
		});
		expect(facts).toHaveLength(17);
		const codes = new Map([
			[branches[0]!, 'Z9'],
			[branches[1]!, 'A1']
		]);
		const ids = new Map([...codes].map(([id, code]) => [code, id]));
		for (const groupBy of GROUP_BYS) {
			for (const branchCode of [null, 'Z9', 'A1']) {
				for (const position of [null, '综合柜员', '储蓄员', '无此岗位']) {
					const filters = { from: '2024-12', to: '2025-04', branchCode, position, groupBy };
					const report = await runReport(app, SYSTEM_ACTOR, 'pass-rates', filters);
					const expected = foldedReport(
						facts,
						codes,
						filters,
						branchCode ? ids.get(branchCode)! : null
					);
					const label = `${groupBy} ${branchCode} ${position}`;
					expect(
						report.rows.map((row) => METRIC_KEYS.map((k) => row[k])),
						label
					).toEqual(expected.counts);
					expect(
						report.trend!.map((p) => ({
							office: `${p.office.num}/${p.office.den}`,
							branch: p.branch && `${p.branch.num}/${p.branch.den}`
						})),
						label
					).toEqual(expected.trend);
					if (groupBy === 'campaign' && position === null) {
						expect(await runReportAsync(app, SYSTEM_ACTOR, 'pass-rates', filters), label).toEqual(
							report
						);
					}
				}
			}
		}
		await closeReportWorkers();
	});
});
