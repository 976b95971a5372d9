import { describe, expect, it } from 'vitest';
import {
	classSession,
	sessionAttendance,
	sessionEnrolment
} from '../../../src/lib/server/db/schema';
import { runReport } from '../../../src/lib/server/reports/service';
import { commitRosterImport, previewRosterImport } from '../../../src/lib/server/roster/service';
import type { TestApp } from '../../helpers/app';
import { FILTERS, makeCourse, office, reportOffice } from './fixture';

async function session(
	app: TestApp,
	courseId: number,
	trainerId: number,
	startsAt: number,
	people: { enrolled: number[]; present: number[] },
	status: 'scheduled' | 'cancelled' = 'scheduled'
) {
	const now = app.clock.now();
	const s = await app.db
		.insert(classSession)
		.values({
			courseId,
			title: '柜面业务培训',
			startsAt,
			endsAt: startsAt + 3_600_000,
			place: '三楼会议室',
			capacity: 30,
			classHours: 2,
			trainerId,
			status,
			createdAt: now
		})
		.returning()
		.get();
	for (const staffId of people.enrolled) {
		await app.db
			.insert(sessionEnrolment)
			.values({ sessionId: s.id, staffId, enrolledAt: now })
			.run();
	}
	for (const staffId of people.present) {
		await app.db
			.insert(sessionAttendance)
			.values({ sessionId: s.id, staffId, method: 'roster', recordedAt: now })
			.run();
	}
}

async function fixture() {
	const o = await reportOffice();
	const c = (await makeCourse(o.app)).id;
	// January: three enrolled, two of them present, plus a walk-in (A3).
	await session(o.app, c, o.hr.id, office('2026-01-10'), {
		enrolled: [o.a1.id, o.a2.id, o.b1.id],
		present: [o.a1.id, o.b1.id, o.a3.id]
	});
	// February: cancelled; March: not held yet (today is 2026-03-02).
	await session(
		o.app,
		c,
		o.hr.id,
		office('2026-02-10'),
		{ enrolled: [o.a1.id], present: [] },
		'cancelled'
	);
	await session(o.app, c, o.hr.id, office('2026-03-10'), {
		enrolled: [o.a1.id, o.b1.id],
		present: []
	});
	return o;
}

const EMPTY = (month: string) => ({
	month,
	sessions: 0,
	personTimes: 0,
	people: 0,
	enrolled: 0,
	attendanceRate: { num: 0, den: 0, value: null }
});

describe('activity report', () => {
	it('counts sessions, person-times, people and attendance per month', async () => {
		const { app, hr } = await fixture();
		expect((await runReport(app, hr, 'activity', FILTERS)).rows).toEqual([
			{
				month: '2026-01',
				sessions: 1,
				personTimes: 3,
				people: 3,
				enrolled: 3,
				attendanceRate: { num: 2, den: 3, value: 2 / 3 }
			},
			EMPTY('2026-02'),
			EMPTY('2026-03')
		]);
	});

	it('shows a branch manager only their branch', async () => {
		const { app, mgr2 } = await fixture();
		expect((await runReport(app, mgr2, 'activity', FILTERS)).rows).toEqual([
			{
				month: '2026-01',
				sessions: 1,
				personTimes: 1,
				people: 1,
				enrolled: 1,
				attendanceRate: { num: 1, den: 1, value: 1 }
			},
			EMPTY('2026-02'),
			EMPTY('2026-03')
		]);
	});

	it('counts only staff of the chosen position, and sessions where one of them was present', async () => {
		const o = await fixture();
		const c = (await makeCourse(o.app)).id;
		// A second January session: the 客户经理 A2 came, the 储蓄员 A3 was enrolled but absent.
		await session(o.app, c, o.hr.id, office('2026-01-20'), {
			enrolled: [o.a2.id, o.a3.id],
			present: [o.a2.id]
		});
		const january = async (position: string | null, branchCode: string | null = null) =>
			(await runReport(o.app, o.hr, 'activity', { ...FILTERS, position, branchCode })).rows[0];

		// Everyone: A1, B1, A3 on the 10th and A2 on the 20th; 3 of 5 enrolments present.
		expect(await january(null)).toEqual({
			month: '2026-01',
			sessions: 2,
			personTimes: 4,
			people: 4,
			enrolled: 5,
			attendanceRate: { num: 3, den: 5, value: 3 / 5 }
		});
		// 储蓄员: no one of them came on the 20th, so only the 10th was held for them.
		expect(await january('储蓄员')).toEqual({
			month: '2026-01',
			sessions: 1,
			personTimes: 3,
			people: 3,
			enrolled: 3,
			attendanceRate: { num: 2, den: 3, value: 2 / 3 }
		});
		// 客户经理: A2 missed the 10th and came on the 20th.
		expect(await january('客户经理')).toEqual({
			month: '2026-01',
			sessions: 1,
			personTimes: 1,
			people: 1,
			enrolled: 2,
			attendanceRate: { num: 1, den: 2, value: 1 / 2 }
		});
		// Branch and position together: S01's 储蓄员 are A1 (present) and A3 (absent on the 20th).
		expect(await january('储蓄员', 'S01')).toEqual({
			month: '2026-01',
			sessions: 1,
			personTimes: 2,
			people: 2,
			enrolled: 2,
			attendanceRate: { num: 1, den: 2, value: 1 / 2 }
		});
		expect(await january('客户经理', 'S02')).toEqual(EMPTY('2026-01'));
	});

	it('keeps past activity with the branch and position of its day after a transfer', async () => {
		const o = await fixture();
		const january = async (branchCode: string | null, position: string | null = null) =>
			(await runReport(o.app, o.hr, 'activity', { ...FILTERS, branchCode, position })).rows[0];
		const views = async () => ({
			s01: await january('S01'),
			s02: await january('S02'),
			tellers: await january(null, '储蓄员')
		});
		const before = await views();
		// S01 in January: A1 and A3 present, A1 and A2 enrolled (A1 came).
		expect(before.s01).toMatchObject({ personTimes: 2, people: 2, enrolled: 2 });

		// In March the roster moves A1 to S02 as a customer manager, from 1 February.
		const file = ['工号,姓名,机构代码,岗位,生效日期', 'A1,员工A1,S02,客户经理,2026-02-01'].join(
			'\r\n'
		);
		const { importId, problems } = await previewRosterImport(o.app, o.hr, {
			fileName: 'transfer.csv',
			bytes: new TextEncoder().encode(file)
		});
		expect(problems).toEqual([]);
		await commitRosterImport(o.app, o.hr, importId!);

		expect(await views()).toEqual(before);
	});
});
