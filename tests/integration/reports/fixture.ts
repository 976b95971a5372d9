/** A tiny office for the report builder tests: two branches, HR, a manager of S02, a few people. */
import type { ReportFilters } from '../../../src/lib/reports/types';
import type { SessionUser } from '../../../src/lib/server/auth/session';
import { course } from '../../../src/lib/server/db/schema';
import { officeInstant } from '../../../src/lib/time/office';
import { createTestApp, type TestApp } from '../../helpers/app';
import { makeBranch, makeStaff } from '../../helpers/factories';

/** The test clock's today is 2026-03-02 (office time). */
export const FILTERS: ReportFilters = {
	from: '2026-01',
	to: '2026-03',
	branchCode: null,
	position: null,
	groupBy: 'branch_month'
};

/** Epoch ms of an office wall-clock time. */
export function office(day: string, time = '09:00'): number {
	return officeInstant(day, time);
}

export async function reportOffice() {
	const app = await createTestApp();
	const s01 = await makeBranch(app, { code: 'S01', name: '一支局' });
	const s02 = await makeBranch(app, { code: 'S02', name: '二支局' });
	const user = async (branchId: number, roles: SessionUser['roles']): Promise<SessionUser> => ({
		...(await makeStaff(app, { branchId, roles, position: '管理' })),
		roles,
		mustChangePassword: false,
		locale: null
	});
	const person = (branchId: number, employeeNo: string, position = '储蓄员') =>
		makeStaff(app, { branchId, employeeNo, name: `员工${employeeNo}`, position });
	return {
		app,
		s01,
		s02,
		hr: await user(s01.id, ['hr']),
		mgr2: await user(s02.id, ['branch_manager']),
		a1: await person(s01.id, 'A1'),
		a2: await person(s01.id, 'A2', '客户经理'),
		a3: await person(s01.id, 'A3'),
		b1: await person(s02.id, 'B1')
	};
}

export async function makeCourse(app: TestApp, kind: 'centralized' | 'onboarding' = 'centralized') {
	const now = app.clock.now();
	return await app.db
		.insert(course)
		.values({
			slug: `c-${kind}-${now}-${Math.random()}`,
			kind,
			title: `课程 ${kind}`,
			audience: [],
			position: 1,
			createdAt: now,
			updatedAt: now
		})
		.returning()
		.get();
}
