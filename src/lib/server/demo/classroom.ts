import { selectRoles, selectStaffById } from '../auth/service';
import { toSessionUser, type SessionUser } from '../auth/session';
import {
	enrolStaffStep,
	markAttendanceStep,
	recordAttendance,
	scheduleSessionStep,
	listCurrentStaff,
	listTrainers,
	selectSessionSummaries,
	type CurrentStaff
} from '../classroom/service';
import type { AppContext } from '../context';
import { listCentralizedCourses, listModuleTitles, selectCourseById } from '../courses/service';
import { STATE_COUNCIL_CALENDAR as CAL } from '../../calendar/working-days';
import { addDays, yearOf } from '../../time/days';
import { officeDay, officeInstant } from '../../time/office';
import { inTransaction, type Db, type Tx } from '../db';
import { createRng, type Rng } from '../rng';

const SEED = 'qualify-demo-classroom-v1';
const DAY = 86_400_000;
const MINUTE = 60_000;
const BATCHES = ['第一批', '第二批', '第三批', '第四批'];
/** Sessions are announced two weeks ahead; the calendar runs four weeks past today. */
const LEAD_DAYS = 14;
const HORIZON_DAYS = 28;
export const DEMO_TODAY_TITLE = '今日面授：柜面应急处置演练';

interface PlannedSession {
	batch: number;
	day: string;
	slot: 'am' | 'pm';
	module: string;
}

/** The first working day on or after `day`. */
function workingDayFrom(day: string): string {
	let d = day;
	while (!CAL.isWorkingDay(d)) d = addDays(d, 1);
	return d;
}

/**
 * The year's calendar: each batch meets twice a month (once in February, the Spring Festival
 * month), mornings 2.5 h and afternoons 3 h alternating, going through the course's modules.
 * About 21 sessions by late November: a full attender has close to the 60 h requirement.
 */
function planYear(year: number, modules: string[]): PlannedSession[] {
	const plan: PlannedSession[] = [];
	for (let batch = 0; batch < BATCHES.length; batch++) {
		let k = 0;
		for (let month = 1; month <= 12; month++) {
			// Around the Spring Festival one session only; the May Day and National Day weeks are off.
			const anchors = month === 2 ? [5] : month === 5 ? [8, 18] : month === 10 ? [12, 22] : [5, 18];
			for (const anchor of anchors) {
				const mm = String(month).padStart(2, '0');
				const dd = String(anchor + batch * 2).padStart(2, '0');
				const day = workingDayFrom(`${year}-${mm}-${dd}`);
				plan.push({
					batch,
					day,
					slot: k % 2 === 0 ? 'am' : 'pm',
					module: modules[k % modules.length]!
				});
				k++;
			}
		}
	}
	return plan.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.batch - b.batch));
}

/** Whole branches into four batches of about the same head count. */
function batchOf(people: CurrentStaff[]): Map<string, number> {
	const perBranch = new Map<string, number>();
	for (const p of people) perBranch.set(p.branchCode, (perBranch.get(p.branchCode) ?? 0) + 1);
	const size = people.length / BATCHES.length;
	const batches = new Map<string, number>();
	let before = 0;
	for (const [code, n] of [...perBranch].sort(([a], [b]) => a.localeCompare(b))) {
		batches.set(code, Math.min(BATCHES.length - 1, Math.floor(before / size)));
		before += n;
	}
	return batches;
}

/** Most people attend nearly always, some now and then, a few rarely: they end up behind. */
function attendanceRate(rng: Rng): number {
	const r = rng.next();
	return r < 0.8 ? 0.96 : r < 0.95 ? 0.75 : 0.45;
}

async function trainerUser(db: Db): Promise<SessionUser | null> {
	const trainer = (await listTrainers(db))[0];
	const row = trainer ? await selectStaffById(db, trainer.id) : undefined;
	return row ? toSessionUser(row, await selectRoles(db, row.id)) : null;
}

/**
 * Seeds the demo classroom: this year's sessions of the centralized course so far, with
 * enrolments by branch batch and ~90% attendance credited through the attendance rule, the
 * coming four weeks' sessions, and one under way now for the trainer to open a sign-in code.
 * Deterministic for a given date; does nothing when sessions exist or a piece is missing.
 */
export async function seedDemoClassroom(ctx: AppContext): Promise<void> {
	const now = ctx.clock.now();
	await inTransaction(ctx.db, async (tx) => {
		if ((await selectSessionSummaries(tx, { trainerId: null, when: 'all', now })).length > 0)
			return;
		const courseId = (await listCentralizedCourses(tx))[0]?.id;
		const course = courseId ? await selectCourseById(tx, courseId) : undefined;
		const trainer = await trainerUser(tx);
		if (!course?.currentVersionId || !trainer) return;
		const modules = await listModuleTitles(tx, course.currentVersionId);
		const people = (await listCurrentStaff(tx)).filter((p) => p.id !== trainer.id);
		if (modules.length === 0 || people.length === 0) return;

		const rng = createRng(SEED);
		const batches = batchOf(people);
		const rate = new Map(people.map((p) => [p.id, attendanceRate(rng)]));
		const at = (t: number): AppContext => ({ ...ctx, clock: { now: () => t } });
		const byBatch = (b: number) => people.filter((p) => batches.get(p.branchCode) === b);
		const batchSizes = BATCHES.map((_, b) => byBatch(b).length);
		const today = officeDay(now);
		const horizon = addDays(today, HORIZON_DAYS);

		for (const planned of planYear(yearOf(today), modules)) {
			if (planned.day > horizon) break;
			const [from, to, hours] =
				planned.slot === 'am' ? ['09:00', '11:30', 2.5] : ['14:30', '17:30', 3];
			const startsAt = officeInstant(planned.day, from);
			const endsAt = officeInstant(planned.day, to);
			const announced = at(Math.min(now, startsAt - LEAD_DAYS * DAY));
			const session = await scheduleSessionStep(announced, tx, trainer, {
				courseId: course.id,
				title: `${planned.module}（${BATCHES[planned.batch]}）`,
				startsAt,
				endsAt,
				place: planned.slot === 'am' ? '县局三楼培训教室' : '县局营业部实训室',
				capacity: Math.ceil((batchSizes[planned.batch]! + 10) / 10) * 10,
				classHours: hours
			});
			const roster = byBatch(planned.batch).filter((p) => !p.hireDate || p.hireDate <= planned.day);
			await enrolStaffStep(
				announced,
				tx,
				trainer,
				session.id,
				roster.map((p) => p.employeeNo).join('\n')
			);
			if (endsAt > now) continue;
			const present = roster.filter((p) => rng.next() < (rate.get(p.id) ?? 0.9));
			if (present.length === 0) continue;
			if (rng.next() < 0.4) {
				await markAttendanceStep(
					at(endsAt - 5 * MINUTE),
					tx,
					trainer,
					session.id,
					present.map((p) => p.id)
				);
				continue;
			}
			for (const p of present) {
				const t = startsAt - 10 * MINUTE + rng.int(25) * MINUTE;
				await recordAttendance(at(t), tx, session, {
					staffIds: [p.id],
					method: 'code',
					recordedBy: p.id,
					kind: course.kind
				});
			}
		}
		await seedSessionUnderWay(at(now), tx, trainer, course.id, people);
	});
}

/** Started a quarter of an hour ago, for three hours: the trainer can open a code right away. */
async function seedSessionUnderWay(
	ctx: AppContext,
	tx: Tx,
	trainer: SessionUser,
	courseId: number,
	people: CurrentStaff[]
): Promise<void> {
	const now = ctx.clock.now();
	const startsAt = Math.floor(now / (15 * MINUTE)) * 15 * MINUTE - 15 * MINUTE;
	const session = await scheduleSessionStep(ctx, tx, trainer, {
		courseId,
		title: DEMO_TODAY_TITLE,
		startsAt,
		endsAt: startsAt + 3 * 60 * MINUTE,
		place: '县局营业部实训室',
		capacity: 60,
		classHours: 3
	});
	const headOffice = people.filter((p) => p.branchCode === 'XJ00').slice(0, 30);
	if (headOffice.length) {
		await enrolStaffStep(
			ctx,
			tx,
			trainer,
			session.id,
			headOffice.map((p) => p.employeeNo).join('\n')
		);
	}
}
