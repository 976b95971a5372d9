import { selectStaffById } from '../auth/service';
import { toSessionUser, type SessionUser } from '../auth/session';
import type { Clock } from '../clock';
import type { AppContext } from '../context';
import * as cq from '../courses/service';
import { addDays, daysBetween, yearElapsed, yearOf } from '../../time/days';
import { officeDay, officeInstant } from '../../time/office';
import { inTransaction, type Db, type Tx } from '../db';
import type { Course } from '../db/schema';
import type { HourKind } from '../../hours/enums';
import type { Role } from '../../org/enums';
import * as hours from '../hours/service';
import { selectRolesOf, selectStaffWhere } from '../org/service';
import { createRng, type Rng } from '../rng';

const SEED = 'qualify-demo-learning-v1';
const MINUTE = 60_000;

// Hours earned outside the system, as HR would type them in.
const MANUAL: { kind: HourKind; hours: number; reason: string }[] = [
	{ kind: 'self_study', hours: 4, reason: '外部培训：市分行个人金融业务专题培训班' },
	{ kind: 'self_study', hours: 3, reason: '外部培训：人民银行县支行反洗钱知识讲座' },
	{ kind: 'remote', hours: 2, reason: '补录：省分行网络学院直播课《反电信网络诈骗》，凭学习截图' },
	{ kind: 'self_study', hours: 6, reason: '外部培训：银行业专业人员职业资格考试辅导' },
	{ kind: 'remote', hours: 1.5, reason: '补录：网络学院学习记录未同步，凭学习证明补录' }
];

interface Lesson {
	lessonKey: string;
	classHours: number;
}

/** A course's current lessons in reading order (modules by position, then lessons). */
async function lessonsOf(db: Db, course: Course): Promise<Lesson[]> {
	const versionId = course.currentVersionId as number;
	const lessons = await cq.selectLessonOutline(db, versionId);
	return (await cq.selectModules(db, versionId)).flatMap((m) =>
		lessons.filter((l) => l.moduleId === m.id).sort((a, b) => a.position - b.position)
	);
}

/** `count` instants spread from `from` to `now` in order, at plausible hours (08:00–21:00). */
function spreadTimes(rng: Rng, from: string, now: number, count: number): number[] {
	const span = daysBetween(from, officeDay(now)) + 1;
	const times: number[] = [];
	for (let i = 0; i < count; i++) {
		const day = addDays(from, Math.floor(((i + rng.next()) / count) * span));
		const at = officeInstant(day, '08:00') + rng.int(13 * 60) * MINUTE;
		times.push(Math.min(at, now - (count - i) * MINUTE));
	}
	return times;
}

/** How far through the remote requirement a person is: most on pace, some behind, a few done. */
function remoteShare(rng: Rng, elapsed: number): { share: number; behind: boolean } {
	const r = rng.next();
	if (r < 0.15) return { share: elapsed * (0.2 + rng.next() * 0.6), behind: true };
	if (r < 0.2) return { share: 1, behind: false };
	return { share: Math.min(1, elapsed * (1 + rng.next() * 0.5)), behind: false };
}

/** The lessons to complete, in order, to reach `target` hours (staying below it when behind). */
function lessonsFor(lessons: Lesson[], target: number, behind: boolean): Lesson[] {
	const out: Lesson[] = [];
	let sum = 0;
	for (const l of lessons) {
		if (behind ? sum + l.classHours > target - 1e-9 : sum >= target - 1e-9) break;
		out.push(l);
		sum += l.classHours;
	}
	return out;
}

function at(ctx: AppContext, time: number): AppContext {
	const clock: Clock = { now: () => time };
	return { ...ctx, clock };
}

async function officeUser(db: Db, ids: number[], roles: Map<number, Role[]>, role: Role) {
	const id = ids.find((i) => roles.get(i)?.includes(role));
	const row = id === undefined ? undefined : await selectStaffById(db, id);
	return row ? toSessionUser(row, roles.get(row.id) ?? []) : null;
}

/**
 * Demo class hours for this year up to today: remote lessons for every active person (most on
 * pace, ~15 % behind, a few done), some self-study, a handful of manual entries and two
 * corrections. Deterministic for a given day. Centralized hours come from the classroom demo and
 * onboarding seat lessons from the onboarding demo, so neither is touched here.
 */
export async function seedDemoLearning(ctx: AppContext): Promise<void> {
	const now = ctx.clock.now();
	const today = officeDay(now);
	const jan1 = `${yearOf(today)}-01-01`;
	const courses = (await cq.selectCourses(ctx.db)).filter((c) => c.currentVersionId !== null);
	const remote = courses.find((c) => c.kind === 'remote');
	if (!remote) return;
	// Seeded once: a demo database that already has remote hours is left as it is.
	if (
		(await hours.sumByStaffAndKind(ctx.db, '0000-01-01', '9999-12-31')).some(
			(t) => t.kind === 'remote'
		)
	)
		return;
	const rng = createRng(SEED);
	const elapsed = yearElapsed(today);
	const remoteLessons = await lessonsOf(ctx.db, remote);
	const selfStudy = courses.filter((c) => c.kind === 'self_study');
	const requirementOf = await hours.requirementLookup(ctx.db);
	const people = await selectStaffWhere(ctx.db, { statuses: ['active'] });
	const roles = await selectRolesOf(
		ctx.db,
		people.map((p) => p.id)
	);

	await inTransaction(ctx.db, async (tx) => {
		const complete = async (
			staffId: number,
			course: Course,
			lessons: Lesson[],
			from: string
		): Promise<void> => {
			const times = spreadTimes(rng, from, now, lessons.length);
			for (const [i, l] of lessons.entries()) {
				const input = { staffId, courseId: course.id, lessonKey: l.lessonKey };
				await cq.completeLessonStep(at(ctx, times[i] as number), tx, input);
			}
		};
		for (const p of people) {
			const from = p.hireDate && p.hireDate > jan1 ? p.hireDate : jan1;
			if (from > today) continue;
			const { share, behind } = remoteShare(rng, elapsed);
			const target = share * requirementOf(p.position).remote;
			await complete(p.id, remote, lessonsFor(remoteLessons, target, behind), from);
			const course = selfStudy.find((c) => c.audience.includes(p.position));
			if (course && rng.next() < 0.3) {
				await complete(p.id, course, (await lessonsOf(tx, course)).slice(0, 1 + rng.int(4)), from);
			}
		}
		await seedManualEntries(ctx, tx, rng, people, roles, jan1);
	});
}

async function seedManualEntries(
	ctx: AppContext,
	tx: Tx,
	rng: Rng,
	people: { id: number }[],
	roles: Map<number, Role[]>,
	jan1: string
): Promise<void> {
	const ids = people.map((p) => p.id);
	const hr = await officeUser(tx, ids, roles, 'hr');
	const trainer = await officeUser(tx, ids, roles, 'trainer');
	if (!hr) return;
	const now = ctx.clock.now();
	// Nobody records or corrects their own hours, so the recorders are left out of the draw.
	const others = ids.filter((id) => id !== hr.id && id !== trainer?.id);
	const chosen = rng.shuffle(others).slice(0, 12);
	for (const [i, staffId] of chosen.entries()) {
		const m = MANUAL[i % MANUAL.length] as (typeof MANUAL)[number];
		const [time] = spreadTimes(rng, jan1, now, 1) as [number];
		const by: SessionUser = i % 3 === 2 && trainer ? trainer : hr;
		const input = { staffId, ...m, earnedOn: officeDay(time) };
		const entry = await hours.appendManualHours(at(ctx, time), tx, by, input);
		// The first two were typed with the wrong hours and put right a little later.
		if (i < 2) {
			const fixed = m.hours - 1;
			const reason = `核对培训通知后更正：实际为 ${fixed} 学时`;
			const later = Math.min(now, time + 2 * 24 * 60 * MINUTE);
			await hours.appendHoursCorrection(at(ctx, later), tx, hr, {
				entryId: entry.id,
				correctedHours: fixed,
				reason
			});
		}
	}
}
