import path from 'node:path';
import { toSessionUser, type SessionUser } from '../../../src/lib/server/auth/session';
import { scheduleSession } from '../../../src/lib/server/classroom/service';
import type { ScheduleInput } from '../../../src/lib/server/classroom/rules';
import { officeInstant } from '../../../src/lib/time/office';
import { loadContent } from '../../../src/lib/server/courses/loader';
import { syncCourses } from '../../../src/lib/server/courses/sync';
import type { ClassSession } from '../../../src/lib/server/db/schema';
import type { Role } from '../../../src/lib/org/enums';
import { listCentralizedCourses } from '../../../src/lib/server/courses/service';
import type { TestApp } from '../../helpers/app';
import { makeBranch, makeStaff } from '../../helpers/factories';

/**
 * Courses from content/, two trainers, HR, and learners in two branches. The test clock starts
 * on Monday 2026-03-02 at 09:00 office time.
 */
export async function classroomOffice(app: TestApp) {
	await syncCourses(app, loadContent(path.resolve('content')));
	const course = (await listCentralizedCourses(app.db))[0]!;
	const head = await makeBranch(app, { code: 'H00', name: '县局营业部', type: 'head_office' });
	const xiaohu = await makeBranch(app, { code: 'R01', name: '小湖支局', type: 'rural' });
	const city = await makeBranch(app, { code: 'U01', name: '人民路支局', type: 'urban' });
	const person = async (
		employeeNo: string,
		branchId: number,
		roles: Role[],
		more: { status?: 'active' | 'onboarding' | 'left'; position?: string } = {}
	): Promise<SessionUser> =>
		toSessionUser(await makeStaff(app, { employeeNo, branchId, roles, ...more }), roles);
	return {
		course,
		head,
		xiaohu,
		city,
		trainer: await person('T001', head.id, ['learner', 'trainer'], { position: '培训讲师' }),
		otherTrainer: await person('T002', head.id, ['trainer'], { position: '培训讲师' }),
		hr: await person('H001', head.id, ['learner', 'hr'], { position: '人事专员' }),
		teller: await person('R101', xiaohu.id, ['learner']),
		colleague: await person('R102', xiaohu.id, ['learner']),
		newHire: await person('R103', xiaohu.id, ['learner'], { status: 'onboarding' }),
		leaver: await person('R104', xiaohu.id, ['learner'], { status: 'left' }),
		cityTeller: await person('U101', city.id, ['learner'], { position: '综合柜员' })
	};
}

export type Office = Awaited<ReturnType<typeof classroomOffice>>;

/** A valid request for Tuesday 2026-03-03, 09:00–11:30 office time. */
export function sessionInput(office: Office, more: Partial<ScheduleInput> = {}): ScheduleInput {
	return {
		courseId: office.course.id,
		title: '柜面实操：点钞与假币识别',
		startsAt: officeInstant('2026-03-03', '09:00'),
		endsAt: officeInstant('2026-03-03', '11:30'),
		place: '县局三楼培训教室',
		capacity: 30,
		classHours: 2.5,
		...more
	};
}

export async function schedule(
	app: TestApp,
	office: Office,
	more: Partial<ScheduleInput> = {}
): Promise<ClassSession> {
	return await scheduleSession(app, office.trainer, sessionInput(office, more));
}

export { problemKeys, problemsOf } from '../../helpers/problems';
