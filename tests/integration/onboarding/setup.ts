import path from 'node:path';
import { toSessionUser, type SessionUser } from '../../../src/lib/server/auth/session';
import { recordLessonCompletion } from '../../../src/lib/server/courses/completion';
import { loadContent } from '../../../src/lib/server/courses/loader';
import { findSeatCourse, selectLessonOutline } from '../../../src/lib/server/courses/service';
import { syncCourses } from '../../../src/lib/server/courses/sync';
import { addWorkingDays, STATE_COUNCIL_CALENDAR } from '../../../src/lib/calendar/working-days';
import type { Staff } from '../../../src/lib/server/db/schema';
import type { Role } from '../../../src/lib/org/enums';
import { getMenteeLog } from '../../../src/lib/server/mentoring/mentees';
import { recordPracticumDay } from '../../../src/lib/server/mentoring/practicum';
import { countersignFinalDay } from '../../../src/lib/server/mentoring/signatures';
import { openPlan } from '../../../src/lib/server/onboarding/plans';
import { createTestApp, type TestApp } from '../../helpers/app';
import { makeBranch, makeStaff } from '../../helpers/factories';

/**
 * Wednesday 4 Feb 2026, before the Spring Festival (15–23 Feb off, Saturdays 14 and 28 Feb
 * worked): day 15 falls on Monday 2 Mar, the tests' today, and the plan is due on Monday 9 Mar.
 */
export const START = '2026-02-04';

export function as(person: Staff, roles: Role[]): SessionUser {
	return toSessionUser(person, roles);
}

/** Two branches, their managers, HR, a mentor in each, and a new hire in branch A. */
export async function office() {
	const app = await createTestApp();
	await syncCourses(app, loadContent(path.resolve('content')));
	const a = await makeBranch(app, { code: 'XJ08', name: '小湖支局' });
	const b = await makeBranch(app, { code: 'XJ09', name: '大坝支局' });
	const mk = async (
		branchId: number,
		roles: Role[],
		status: 'active' | 'onboarding' = 'active'
	) => {
		const row = await makeStaff(app, { branchId, roles, status });
		return { row, user: as(row, roles) };
	};
	const people = {
		hr: await mk(a.id, ['learner', 'hr']),
		managerA: await mk(a.id, ['learner', 'branch_manager']),
		managerB: await mk(b.id, ['learner', 'branch_manager']),
		mentorA: await mk(a.id, ['learner', 'mentor']),
		mentorB: await mk(b.id, ['learner', 'mentor']),
		teller: await mk(a.id, ['learner']),
		newHire: await mk(a.id, ['learner'], 'onboarding')
	};
	return { app, a, b, ...people };
}
export type Office = Awaited<ReturnType<typeof office>>;

export async function openDefaultPlan(o: Office): Promise<number> {
	return (
		await openPlan(o.app, o.hr.user, {
			employeeNo: o.newHire.row.employeeNo,
			startDate: START,
			mentorEmployeeNo: o.mentorA.row.employeeNo
		})
	).planId;
}

export const dayDate = (n: number): string => addWorkingDays(STATE_COUNCIL_CALENDAR, START, n);

export async function signDays(o: Office, planId: number, numbers: number[]): Promise<void> {
	for (const n of numbers) {
		await recordPracticumDay(o.app, o.mentorA.user, planId, {
			dayNumber: n,
			workDate: dayDate(n),
			tasks: ['cash_counting', 'counterfeit'],
			hours: 7,
			observations: '良好'
		});
	}
}

/** Completes seat lessons in course order; `except` leaves the last few undone. */
export async function completeSeat(app: TestApp, staffId: number, except = 0): Promise<void> {
	const seat = (await findSeatCourse(app.db))!;
	const keys = (await selectLessonOutline(app.db, seat.currentVersionId!)).map((l) => l.lessonKey);
	for (const lessonKey of keys.slice(0, keys.length - except)) {
		await recordLessonCompletion(app, { staffId, courseId: seat.id, lessonKey });
	}
}

/**
 * Meets every condition of the default plan (no onboarding exam in these offices): seat hours,
 * 15 signed days and the own branch manager's countersignature, which clears the new hire.
 */
export async function finishPlan(o: Office, planId: number): Promise<void> {
	await completeSeat(o.app, o.newHire.row.id);
	await signDays(
		o,
		planId,
		Array.from({ length: 15 }, (_, i) => i + 1)
	);
	const last = (await getMenteeLog(o.app, o.mentorA.user, planId)).log.find(
		(d) => d.dayNumber === 15
	)!;
	await countersignFinalDay(o.app, o.managerA.user, last.id);
}

export { problemKeys } from '../../helpers/problems';
