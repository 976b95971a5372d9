import type { AppContext } from '../context';
import { selectCourses, selectLessonOutline } from '../courses/service';
import { STATE_COUNCIL_CALENDAR as CAL } from '../../calendar/working-days';
import { addDays } from '../../time/days';
import { officeDay, officeDayStart } from '../../time/office';
import { inTransaction, type Db, type Tx } from '../db';
import {
	DEMO_BANKS,
	countExams,
	createExamStep,
	demoCertificationExam,
	demoOnboardingExam,
	demoPracticeQuizzes,
	sitDemoAttempt,
	type DemoBank,
	type DemoCourses,
	type Sitting
} from '../exams/service';
import { listBankChoices } from '../questions/service';
import { getClearanceStatusStep, selectPlans } from '../onboarding/service';
import { selectRolesOf, selectStaffList } from '../org/service';
import { asUser, type Person } from './onboarding-events';
import { createRng, type Rng } from '../rng';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The journey new hire stays mid-way: not cleared, and the exam still ahead of them. */
const JOURNEY_NEW_HIRE = 'YZ0141';
const PEOPLE = 40;
/** Of the 40, this many fail the certification: 37/40 ≈ 92% pass, as the office reports. */
const CERTIFICATION_FAILS = 3;
const COUNTER_POSITIONS = ['储蓄员', '综合柜员'];

async function loadPeople(db: Db): Promise<Person[]> {
	const rows = await selectStaffList(db, { branchIds: null }, 100_000);
	const roles = await selectRolesOf(
		db,
		rows.map((r) => r.id)
	);
	return rows.map((r) => ({ ...r, roles: roles.get(r.id) ?? [] }));
}

async function demoCourses(db: Db): Promise<DemoCourses> {
	const courses = (await selectCourses(db)).filter((c) => c.currentVersionId !== null);
	const byKind = (kind: string) => courses.find((c) => c.kind === kind);
	const seat = byKind('onboarding');
	const aml = seat
		? (await selectLessonOutline(db, seat.currentVersionId!)).find((l) =>
				l.lessonKey.includes('money-laundering')
			)
		: undefined;
	return {
		seat: seat?.id,
		remote: byKind('remote')?.id,
		centralized: byKind('centralized')?.id,
		spotPrep: byKind('self_study')?.id,
		amlLessonKey: aml?.lessonKey
	};
}

/** A moment during office hours (9:00–16:59 Beijing time) on a working day in [from, to]. */
function officeMoment(rng: Rng, from: string, to: string): number {
	const days: string[] = [];
	for (let d = from; d <= to; d = addDays(d, 1)) if (CAL.isWorkingDay(d)) days.push(d);
	const day = days.length > 0 ? rng.pick(days) : to;
	return officeDayStart(day) + (9 + rng.int(8)) * HOUR + rng.int(60) * 60_000;
}

/**
 * This month's window; when the month is only days old the window opened last month, so the
 * certification already has results to show.
 */
function certificationWindow(today: string): { opens: string; closes: string } {
	const month = `${today.slice(0, 7)}-01`;
	// Day 1 + 31 days always lands in the next month, whatever this month's length.
	const next = `${addDays(month, 31).slice(0, 7)}-01`;
	const opens = Number(today.slice(8, 10)) > 3 ? month : `${addDays(month, -1).slice(0, 7)}-01`;
	return { opens, closes: next };
}

const questionCount = (blueprint: { count: number }[]): number =>
	blueprint.reduce((n, r) => n + r.count, 0);

/**
 * Demo quizzes and exams with past attempts, after the question banks are imported and after
 * the onboarding demo: a practice quiz per course, the onboarding exam, this month's
 * certification exam, ~40 staff's submitted attempts, and a passed onboarding exam for the new
 * hires the onboarding demo cleared (dated before their clearance) or who only await the
 * countersignature. Deterministic; a no-op when any exam exists or a bank is missing.
 */
export async function seedDemoExams(ctx: AppContext): Promise<void> {
	if ((await countExams(ctx.db)) > 0) return;
	const byName = new Map((await listBankChoices(ctx.db)).map((b) => [b.name, b.id]));
	if (!DEMO_BANKS.every((name) => byName.has(name))) return;
	const banks = Object.fromEntries(DEMO_BANKS.map((n) => [n, byName.get(n)!])) as Record<
		DemoBank,
		number
	>;
	const now = ctx.clock.now();
	const today = officeDay(now);
	const rng = createRng('qualify-demo-exams-v1');
	await inTransaction(ctx.db, async (tx) => {
		const people = await loadPeople(tx);
		const author =
			people.find((p) => p.roles.includes('trainer')) ?? people.find((p) => p.roles.includes('hr'));
		if (!author) return;
		const defined: AppContext = { ...ctx, clock: { now: () => now - 180 * DAY } };
		const define = async (input: Parameters<typeof createExamStep>[3]) => ({
			id: (await createExamStep(defined, tx, asUser(author), input)).id,
			questions: questionCount(input.blueprint)
		});
		const quizzes = demoPracticeQuizzes(banks, await demoCourses(tx)).map(define);
		const onboarding = await define(demoOnboardingExam(banks));
		const window = certificationWindow(today);
		const certification = await define(
			demoCertificationExam(banks, officeDayStart(window.opens), officeDayStart(window.closes))
		);
		const yesterday = addDays(today, -1);
		const active = people.filter((p) => p.status === 'active' && p.roles.includes('learner'));
		const chosen = [
			...rng.shuffle(active.filter((p) => COUNTER_POSITIONS.includes(p.position))),
			...rng.shuffle(active.filter((p) => !COUNTER_POSITIONS.includes(p.position)))
		].slice(0, PEOPLE);
		const failing = new Set(rng.shuffle(chosen.map((p) => p.id)).slice(0, CERTIFICATION_FAILS));
		const sittings: Sitting[] = [];
		// Nobody practises before they joined (the onboarding demo backdates some hires).
		const practiceFrom = (p: Person): string =>
			p.hireDate && p.hireDate > addDays(today, -170) ? p.hireDate : addDays(today, -170);
		for (const person of chosen) {
			// Each person has their own steadiness: the share of questions they usually get right.
			const ability = 0.62 + rng.next() * 0.33;
			const user = asUser(person);
			for (let k = 2 + rng.int(3); k > 0; k--) {
				const quiz = await rng.pick(quizzes);
				// Practice is where people get things wrong: a notch below their exam form.
				const wrong = Math.round((1.12 - ability) * quiz.questions + (rng.next() - 0.5) * 3);
				sittings.push({
					user,
					examId: quiz.id,
					startAt: officeMoment(rng, practiceFrom(person), yesterday),
					minutes: 4 + rng.int(12),
					wrong: Math.min(quiz.questions, Math.max(0, wrong))
				});
			}
			const wrong = failing.has(person.id)
				? 22 + rng.int(7)
				: Math.min(18, Math.max(1, Math.round((1 - ability) * 50)));
			sittings.push({
				user,
				examId: certification.id,
				startAt: officeMoment(rng, window.opens, yesterday),
				minutes: 35 + rng.int(20),
				wrong
			});
		}
		sittings.push(...(await onboardingSittings(ctx, tx, rng, people, onboarding.id, today)));
		sittings.sort((a, b) => a.startAt - b.startAt);
		for (const s of sittings) await sitDemoAttempt(ctx, tx, rng, s);
	});
}

/**
 * The onboarding exam for the onboarding demo's people: passed the day before clearance by those
 * it cleared (or they could not have been cleared), passed by those who only await the final
 * countersignature, failed once by an overdue hire; the journey hire has not sat it yet.
 */
async function onboardingSittings(
	ctx: AppContext,
	tx: Tx,
	rng: Rng,
	people: Person[],
	examId: number,
	today: string
): Promise<Sitting[]> {
	const byId = new Map(people.map((p) => [p.id, p]));
	const sittings: Sitting[] = [];
	for (const { plan, employeeNo } of await selectPlans(tx, { branchIds: null })) {
		const person = byId.get(plan.staffId);
		if (!person || employeeNo === JOURNEY_NEW_HIRE) continue;
		const earliest = officeDayStart(plan.startDate) + 10 * HOUR;
		const sit = (startAt: number, wrong: number) =>
			sittings.push({ user: asUser(person), examId, startAt, minutes: 18 + rng.int(10), wrong });
		if (plan.status === 'cleared' && plan.clearedAt !== null) {
			sit(Math.max(earliest, plan.clearedAt - 26 * HOUR), rng.int(5));
		} else if (plan.status === 'open') {
			const status = await getClearanceStatusStep(ctx, tx, plan.staffId);
			if (status && status.seatHoursRemaining === 0 && status.daysRemaining === 0) {
				sit(
					Math.max(earliest, officeMoment(rng, addDays(today, -2), addDays(today, -1))),
					rng.int(4)
				);
			} else if (plan.dueDate < today) {
				sit(Math.max(earliest, officeDayStart(addDays(today, -3)) + 14 * HOUR), 16);
			}
		}
	}
	return sittings;
}
