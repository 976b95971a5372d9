/**
 * The demo's anti-money-laundering training: one classroom session a quarter tagged as AML
 * training, everyone enrolled, about nine in ten attending, so the regulator's table
 * (金融机构反洗钱培训活动情况) exports realistic rows for the demo year. Deterministic.
 */
import { selectRoles, selectStaffById } from '../auth/service';
import { toSessionUser } from '../auth/session';
import {
	enrolStaff,
	markAttendance,
	listCurrentStaff,
	listTrainers,
	scheduleSession
} from '../classroom/service';
import { loadWorkingCalendar } from '../calendar/service';
import type { AppContext } from '../context';
import { listCentralizedCourses } from '../courses/service';
import { addDays, yearOf } from '../../time/days';
import { officeDay, officeInstant } from '../../time/office';
import { createRng } from '../rng';

const SEED = 'qualify-demo-aml-v1';
const DAY = 86_400_000;
export const DEMO_AML_SESSIONS: readonly { day: string; title: string }[] = [
	{ day: '03-18', title: '反洗钱专题培训：客户身份识别与大额、可疑交易报告' },
	{ day: '06-17', title: '反洗钱专题培训：洗钱风险案例与受益所有人识别' },
	{ day: '09-16', title: '反洗钱专题培训：反恐怖融资与制裁名单筛查' },
	{ day: '11-18', title: '反洗钱专题培训：涉诈资金链治理与账户风险管控' }
];

/** This year's AML sessions held before today; nothing when a piece of the demo is missing. */
export async function seedDemoAml(ctx: AppContext): Promise<void> {
	const now = ctx.clock.now();
	const today = officeDay(now);
	const courseId = (await listCentralizedCourses(ctx.db))[0]?.id;
	const trainerId = (await listTrainers(ctx.db))[0]?.id;
	const row = trainerId ? await selectStaffById(ctx.db, trainerId) : undefined;
	if (!courseId || !row) return;
	const trainer = toSessionUser(row, await selectRoles(ctx.db, row.id));
	const people = (await listCurrentStaff(ctx.db)).filter((p) => p.id !== trainer.id);
	const rng = createRng(SEED);
	const calendar = await loadWorkingCalendar(ctx.db);
	const at = (t: number): AppContext => ({ ...ctx, clock: { now: () => t } });
	for (const planned of DEMO_AML_SESSIONS) {
		let day = `${yearOf(today)}-${planned.day}`;
		while (!calendar.isWorkingDay(day)) day = addDays(day, 1);
		if (day >= today) break;
		const startsAt = officeInstant(day, '14:30');
		const endsAt = officeInstant(day, '17:00');
		const roster = people.filter((p) => !p.hireDate || p.hireDate <= day);
		if (roster.length === 0) continue;
		const announced = at(startsAt - 14 * DAY);
		const session = await scheduleSession(announced, trainer, {
			courseId,
			title: planned.title,
			startsAt,
			endsAt,
			place: '县局三楼培训教室（视频连线各支局）',
			capacity: Math.min(500, Math.ceil(roster.length / 10) * 10),
			classHours: 2.5,
			amlTraining: true
		});
		await enrolStaff(announced, trainer, session.id, roster.map((p) => p.employeeNo).join('\n'));
		const present = roster.filter(() => rng.next() < 0.9).map((p) => p.id);
		if (present.length > 0)
			await markAttendance(at(endsAt - 5 * 60_000), trainer, session.id, present);
	}
}
