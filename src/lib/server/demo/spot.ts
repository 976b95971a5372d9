/**
 * Demo spot exams (抽考): 「储蓄员业务抽考」 run monthly for the last 12 months (20% of tellers per
 * branch, 1 alternate, 1 retest) plus this month's campaign, open now and partly sat. Everything
 * goes through the real services with per-event clocks, inside one transaction. Pass rates come
 * out around 95%, lower in two branches and in two bad months. Demo rule: this month's seed is
 * the first of `demo-spot-<month>-<k>` whose sample draws the demo teller YZ0140, so the teller
 * journey always finds a spot exam waiting. Deterministic; a no-op if the exam already exists.
 */
import type { SessionUser } from '../auth/session';
import type { AppContext } from '../context';
import { STATE_COUNCIL_CALENDAR as CAL } from '../../calendar/working-days';
import { addDays } from '../../time/days';
import { officeDay, officeDayStart } from '../../time/office';
import { inTransaction, type Db, type Tx } from '../db';
import { at, createExamStep } from '../exams/service';
import { listBankChoices } from '../questions/service';
import { selectRolesOf, selectStaffList } from '../org/service';
import { createRng, type Rng } from '../rng';
import {
	createCampaignStep,
	drawCampaignStep,
	listSpotExams,
	loadCampaignState,
	drawSample,
	listSpotPopulation,
	recordSpotStatusStep,
	replaceWithAlternateStep,
	sitSpotDemo,
	type CampaignInput
} from '../spot/service';

const DAY = 86_400_000;
export const DEMO_SPOT_TITLE = '储蓄员业务抽考';
export const DEMO_SPOT_TELLER = 'YZ0140';
const POSITIONS = ['储蓄员', '综合柜员'];
const EXEMPT_REASONS = ['病假', '产假', '年休假'];
const ABSENT_REASONS = ['外出培训未能参加', '当日网点人手不足，未到考'];

async function people(db: Db): Promise<Map<number, SessionUser>> {
	const rows = await selectStaffList(db, { branchIds: null }, 100_000);
	const roles = await selectRolesOf(
		db,
		rows.map((r) => r.id)
	);
	return new Map(
		rows.map((r) => [
			r.id,
			{
				id: r.id,
				employeeNo: r.employeeNo,
				name: r.name,
				branchId: r.branchId,
				position: r.position,
				status: r.status,
				roles: roles.get(r.id) ?? [],
				mustChangePassword: false,
				locale: null
			}
		])
	);
}

/** 'YYYY-MM' `back` months before `month`. */
function monthBefore(month: string, back: number): string {
	const [y, m] = month.split('-').map(Number) as [number, number];
	const d = new Date(Date.UTC(y, m - 1 - back, 1));
	return d.toISOString().slice(0, 7);
}

/** A moment in office hours on a working day in [from, to]. */
function officeMoment(rng: Rng, from: string, to: string): number {
	const days: string[] = [];
	for (let d = from; d <= to; d = addDays(d, 1)) if (CAL.isWorkingDay(d)) days.push(d);
	return (
		officeDayStart(rng.pick(days.length > 0 ? days : [from])) +
		(9 + rng.int(7)) * 3_600_000 +
		rng.int(60) * 60_000
	);
}

interface Month {
	month: string;
	opens: number;
	closes: number;
	/** Added to everyone's chance of passing this month. */
	mood: number;
}

export async function seedDemoSpot(ctx: AppContext): Promise<void> {
	if ((await listSpotExams(ctx)).some((e) => e.title === DEMO_SPOT_TITLE)) return;
	const bankId = (await listBankChoices(ctx.db)).find((b) => b.name === '储蓄业务')?.id;
	if (bankId === undefined) return;
	const now = ctx.clock.now();
	const rng = createRng('qualify-demo-spot-v1');
	await inTransaction(ctx.db, async (tx) => {
		const staff = await people(tx);
		const hr = [...staff.values()].find((p) => p.roles.includes('hr'));
		if (!hr) return;
		const thisMonth = officeDay(now).slice(0, 7);
		const examId = (
			await createExamStep(at(ctx, now - 400 * DAY), tx, hr, {
				title: DEMO_SPOT_TITLE,
				purpose: 'spot',
				description:
					'每月随机抽取 20% 的储蓄员和综合柜员参加：30 分钟，20 道题，60 分合格，可补考一次。',
				blueprint: [
					{ id: 'r1', bankId, type: 'single', count: 12, pointsEach: 5 },
					{ id: 'r2', bankId, type: 'multiple', count: 4, pointsEach: 5 },
					{ id: 'r3', bankId, type: 'true_false', count: 4, pointsEach: 5 }
				],
				timeLimitMinutes: 30,
				passMark: 60,
				attemptsAllowed: 2,
				shuffleOptions: true,
				partialCredit: 'none',
				reviewPolicy: 'score_and_answers',
				windowOpensAt: null,
				windowClosesAt: null,
				courseId: null,
				lessonKey: null
			})
		).id;
		const branchIds = [
			...new Set(
				[...staff.values()].filter((p) => POSITIONS.includes(p.position)).map((p) => p.branchId)
			)
		].sort((a, b) => a - b);
		const weak = new Set(rng.shuffle(branchIds).slice(0, 2));
		const badMonths = new Set([4, 9]);
		const input = (m: Month): CampaignInput => ({
			examId,
			title: `${m.month} ${DEMO_SPOT_TITLE}`,
			month: m.month,
			windowOpensAt: m.opens,
			windowClosesAt: m.closes,
			positions: POSITIONS,
			branchIds: [],
			sampleMode: 'percent',
			sampleValue: 20,
			excludeMonths: 0,
			alternatesPerBranch: 1,
			retestsAllowed: 1,
			remedialCourseId: null,
			remedialLessonKey: null
		});
		const chance = (p: SessionUser, m: Month): number =>
			0.89 +
			0.06 * createRng(`skill-${p.employeeNo}`).next() -
			(weak.has(p.branchId) ? 0.1 : 0) +
			m.mood;

		/** Sits one person, with a retest a few days later for most who fail. */
		const sit = async (
			campaignId: number,
			p: SessionUser,
			m: Month,
			from: number,
			until: number
		): Promise<void> => {
			// Kept inside the window even when it has only just opened (this month's campaign).
			const first = Math.min(
				Math.max(officeMoment(rng, officeDay(from), officeDay(until - 3 * DAY)), from + 3_600_000),
				until - 2 * 3_600_000
			);
			const passes = rng.next() < chance(p, m);
			await sitSpotDemo(ctx, tx, rng, {
				user: p,
				campaignId,
				startAt: first,
				minutes: 15 + rng.int(14),
				wrong: passes ? rng.int(7) : 9 + rng.int(4)
			});
			if (passes || rng.next() > 0.6 || first + 2 * DAY >= until) return;
			const retest = officeMoment(rng, officeDay(first + DAY), officeDay(until - DAY));
			const again = rng.next() < 0.75;
			await sitSpotDemo(ctx, tx, rng, {
				user: p,
				campaignId,
				startAt: retest,
				minutes: 15 + rng.int(14),
				wrong: again ? rng.int(6) : 9 + rng.int(3)
			});
		};

		/** Runs a campaign; `share` of the people sit, the teller journey is left to sit it live. */
		const run = async (m: Month, seed: string, share: number, until: number): Promise<void> => {
			const id = await createCampaignStep(at(ctx, m.opens - 5 * DAY), tx, hr, input(m));
			await drawCampaignStep(at(ctx, m.opens - 3 * DAY), tx, hr, id, () => seed);
			const recorded = at(ctx, Math.min(until, m.opens + 2 * DAY));
			for (const s of (await loadCampaignState(ctx, tx, id)).standings.filter(
				(x) => x.role === 'drawn'
			)) {
				if (staff.get(s.staffId)?.employeeNo === DEMO_SPOT_TELLER) continue;
				const roll = rng.next();
				if (roll < 0.02) {
					await recordSpotStatusStep(
						recorded,
						tx,
						hr,
						id,
						s.id,
						'exempt',
						rng.pick(EXEMPT_REASONS)
					);
					try {
						await replaceWithAlternateStep(recorded, tx, hr, id, s.id);
					} catch {
						// A branch with nobody left to call up: the exemption stands alone.
					}
				} else if (roll < 0.04 && until < now) {
					await recordSpotStatusStep(
						at(ctx, m.closes),
						tx,
						hr,
						id,
						s.id,
						'absent',
						rng.pick(ABSENT_REASONS)
					);
				}
			}
			for (const s of (await loadCampaignState(ctx, tx, id)).standings) {
				const p = staff.get(s.staffId);
				if (!p || !s.tracked || s.exempt || s.absent || p.employeeNo === DEMO_SPOT_TELLER) continue;
				if (rng.next() < share) await sit(id, p, m, m.opens, until);
			}
		};

		for (let back = 12; back >= 1; back--) {
			const month = monthBefore(thisMonth, back);
			const m = {
				month,
				opens: officeDayStart(`${month}-05`),
				closes: officeDayStart(`${month}-21`),
				mood: badMonths.has(back) ? -0.1 : 0
			};
			await run(m, `demo-spot-${month}`, 1, m.closes);
		}
		const current: Month = {
			month: thisMonth,
			opens: now - 3 * DAY,
			closes: now + 10 * DAY,
			mood: 0
		};
		await run(current, await currentSeed(ctx, tx, thisMonth, staff), 0.5, now);
	});
}

/** The first seed of this month's list whose sample draws the demo teller (see the file's note). */
async function currentSeed(
	ctx: AppContext,
	tx: Tx,
	month: string,
	staff: Map<number, SessionUser>
): Promise<string> {
	const teller = [...staff.values()].find((p) => p.employeeNo === DEMO_SPOT_TELLER);
	const population = await listSpotPopulation(ctx, tx, POSITIONS);
	const spec = {
		mode: 'percent' as const,
		value: 20,
		excludeMonths: 0,
		month,
		alternatesPerBranch: 1
	};
	for (let k = 0; k < 200; k++) {
		const seed = `demo-spot-${month}-${k}`;
		const picks = drawSample(population, spec, createRng(seed));
		if (!teller || picks.some((p) => p.staffId === teller.id && p.role === 'drawn')) return seed;
	}
	return `demo-spot-${month}-0`;
}
