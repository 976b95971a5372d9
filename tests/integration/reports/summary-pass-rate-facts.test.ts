// selectPassRateFacts is one SQL statement restating the spot standing rules for speed (see its
// comment); this holds it to the composition of the spot domain's own reads it replaced, on a
// fixture with every rule in play.
import { inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../../src/lib/server/db';
import { staff } from '../../../src/lib/server/db/schema';
import {
	selectPassRateFacts,
	selectPassRateFactsOffThread,
	type PassRateFact,
	type PassRateRange
} from '../../../src/lib/server/reports/pass-rate-queries';
import { selectCampaigns } from '../../../src/lib/server/spot/queries';
import { closeReportWorkers } from '../../../src/lib/server/reports/worker';
import { runReport, runReportAsync } from '../../../src/lib/server/reports/service';
import { SYSTEM_ACTOR } from '../../../src/lib/server/roster/actor';
import { trackedPeople } from '../../../src/lib/server/spot/standing';
import { stateOf } from '../../../src/lib/server/spot/state';
import { createTestApp } from '../../helpers/app';
import { makeBank, makeExam } from '../../helpers/exams';
import { makeBranch, makeStaff } from '../../helpers/factories';

/** The composed version, as the report engineer wrote it. */
function composedFacts(db: Db, range: PassRateRange): PassRateFact[] {
	const facts: (Omit<PassRateFact, 'position'> & { staffId: number })[] = [];
	for (const c of selectCampaigns(db, range.fromMonth, range.toMonth).reverse()) {
		const standings = stateOf(db, c).standings.filter((s) => s.tracked);
		trackedPeople(standings).forEach((p, i) => {
			if (range.branchIds && !range.branchIds.includes(p.branchId)) return;
			const staffId = standings[i]!.staffId;
			facts.push({ ...p, staffId, campaignId: c.id, campaignTitle: c.title, month: c.month });
		});
	}
	const ids = [...new Set(facts.map((f) => f.staffId))];
	const positions = new Map(
		db
			.select({ id: staff.id, position: staff.position })
			.from(staff)
			.where(inArray(staff.id, ids))
			.all()
			.map((r) => [r.id, r.position])
	);
	return facts.map(({ staffId, ...f }) => ({ ...f, position: positions.get(staffId) ?? '' }));
}

const DAY = 86_400_000;

describe('selectPassRateFacts', () => {
	it('agrees with the composed spot reads: voided draws, alternates, absences, exemptions, retests, windows', async () => {
		const app = createTestApp();
		const c = app.db.$client;
		const bank = makeBank(app);
		const spotExam = makeExam(app, bank, { purpose: 'spot' });
		const otherExam = makeExam(app, bank);
		const branches = [makeBranch(app, { code: 'Z9' }).id, makeBranch(app, { code: 'A1' }).id];
		const people: number[] = [];
		for (let i = 0; i < 8; i++) {
			people.push((await makeStaff(app, { branchId: branches[i % 2]! })).id);
		}
		const t0 = Date.UTC(2025, 0, 10);
		const campaign = (month: string, opens: number) =>
			Number(
				c
					.prepare(
						`insert into spot_campaign (exam_id, title, month, window_opens_at, window_closes_at, positions, branch_ids, sample_mode, sample_value, created_at)
						 values (?, ?, ?, ?, ?, '[]', '[]', 'count', 3, ?)`
					)
					.run(spotExam, `抽考 ${month}`, month, opens, opens + 10 * DAY, opens).lastInsertRowid
			);
		const draw = (campaignId: number, voided: boolean) =>
			Number(
				c
					.prepare(
						`insert into spot_draw (campaign_id, seed, drawn_at, voided_at) values (?, 's', 0, ?)`
					)
					.run(campaignId, voided ? 1 : null).lastInsertRowid
			);
		const assign = (drawId: number, who: number, role: string, rank: number) =>
			Number(
				c
					.prepare(
						`insert into spot_assignment (draw_id, staff_id, branch_id, role, rank)
						 select ?, id, branch_id, ?, ? from staff where id = ?`
					)
					.run(drawId, role, rank, who).lastInsertRowid
			);
		const event = (assignmentId: number, kind: string, other: number | null = null) =>
			c
				.prepare(
					`insert into spot_event (assignment_id, kind, other_assignment_id, recorded_at) values (?, ?, ?, 0)`
				)
				.run(assignmentId, kind, other);
		let attemptNo = 0;
		const sit = (examId: number, who: number, at: number, passed: boolean | null) =>
			c
				.prepare(
					`insert into attempt (exam_id, staff_id, attempt_no, seed, paper, status, started_at, max_score, passed)
					 values (?, ?, ?, 's', '[]', ?, ?, 100, ?)`
				)
				.run(
					examId,
					who,
					++attemptNo,
					passed === null ? 'open' : 'submitted',
					at,
					passed === null ? null : Number(passed)
				);

		// January: a voided draw first, then the live one.
		const jan = campaign('2025-01', t0);
		assign(draw(jan, true), people[7]!, 'drawn', 1);
		const live = draw(jan, false);
		const [p0, p1, p2, p3, p4, p5, p6] = people as [
			number,
			number,
			number,
			number,
			number,
			number,
			number
		];
		assign(live, p0, 'drawn', 1); // fails, then passes a retest
		sit(spotExam, p0, t0 + DAY, false);
		sit(spotExam, p0, t0 + 2 * DAY, true);
		const absent = assign(live, p1, 'drawn', 1); // absent, but sat anyway: sitting wins
		event(absent, 'absent');
		sit(spotExam, p1, t0 + DAY, true);
		const exempt = assign(live, p2, 'drawn', 2); // exempt, replaced by an alternate
		event(exempt, 'exempt');
		const alternate = assign(live, p3, 'alternate', 1);
		event(exempt, 'replaced_by', alternate);
		sit(spotExam, p3, t0 + 3 * DAY, true);
		assign(live, p5, 'alternate', 2); // never called up: not tracked
		sit(spotExam, p5, t0 + DAY, true);
		assign(live, p4, 'drawn', 3); // only out-of-window, other-exam and open attempts: pending
		sit(spotExam, p4, t0 - DAY, true);
		sit(spotExam, p4, t0 + 11 * DAY, true);
		sit(otherExam, p4, t0 + DAY, true);
		sit(spotExam, p4, t0 + DAY, null);
		const gone = assign(live, p6, 'drawn', 4); // absent and never sat
		event(gone, 'absent');

		// February: a campaign without a draw, and March with one person.
		campaign('2025-02', t0 + 31 * DAY);
		const mar = campaign('2025-03', t0 + 59 * DAY);
		assign(draw(mar, false), p0, 'drawn', 1);
		sit(spotExam, p0, t0 + 60 * DAY, true);

		const ranges: PassRateRange[] = [
			{ fromMonth: '2024-01', toMonth: '2026-12', branchIds: null },
			{ fromMonth: '2025-01', toMonth: '2025-01', branchIds: [branches[1]!] },
			{ fromMonth: '2025-02', toMonth: '2025-03', branchIds: [branches[0]!] },
			{ fromMonth: '2025-04', toMonth: '2025-12', branchIds: null }
		];
		for (const range of ranges) {
			const expected = composedFacts(app.db, range);
			expect(selectPassRateFacts(app.db, range)).toEqual(expected);
			expect(await selectPassRateFactsOffThread(app.config.databasePath, range)).toEqual(expected);
		}
		const all = selectPassRateFacts(app.db, ranges[0]!);
		expect(all.map((f) => [f.month, f.exempt, f.absent, f.results])).toEqual(
			expect.arrayContaining([
				['2025-01', false, false, [false, true]],
				['2025-01', false, true, [true]],
				['2025-01', true, false, []],
				['2025-01', false, false, []],
				['2025-03', false, false, [true]]
			])
		);
		expect(all).toHaveLength(7);
		// The web path reads the same facts through the worker and builds the same report.
		const filters = {
			from: '2024-01',
			to: '2026-12',
			branchCode: null,
			position: null,
			groupBy: 'branch_month' as const
		};
		expect(await runReportAsync(app, SYSTEM_ACTOR, 'pass-rates', filters)).toEqual(
			runReport(app, SYSTEM_ACTOR, 'pass-rates', filters)
		);
		await closeReportWorkers();
	});
});
