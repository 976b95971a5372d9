import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordLessonCompletion } from '../../../src/lib/server/courses/completion';
import { loadContent } from '../../../src/lib/server/courses/loader';
import * as cq from '../../../src/lib/server/courses/service';
import { syncCourses } from '../../../src/lib/server/courses/sync';
import { Forbidden, Invalid } from '../../../src/lib/server/errors';
import { getHomeHours } from '../../../src/lib/server/hours/home';
import { getHoursOverview, getPersonHours } from '../../../src/lib/server/hours/pages';
import {
	getStaffHours,
	listHoursStanding,
	listRequirements,
	setRequirement
} from '../../../src/lib/server/hours/service';
import { parseReportFilters } from '../../../src/lib/server/reports/filters';
import { resolveScope } from '../../../src/lib/server/reports/scope';
import { createTestApp, type TestApp } from '../../helpers/app';
import { hoursOffice } from './office';

async function firstRemoteLesson(app: TestApp) {
	await syncCourses(app, loadContent(path.resolve('content')));
	const course = (await cq.selectCourses(app.db)).find((c) => c.kind === 'remote')!;
	const lesson = (await cq.selectLessonOutline(app.db, course.currentVersionId!))[0]!;
	return { courseId: course.id, lessonKey: lesson.lessonKey, hours: lesson.classHours };
}

describe('year boundaries', () => {
	it('counts a lesson finished late on New Year’s Eve (office time) in the old year', async () => {
		const app = await createTestApp({}, '2026-12-31T23:30:00+08:00');
		const o = await hoursOffice(app);
		const l = await firstRemoteLesson(app);
		await recordLessonCompletion(app, { staffId: o.teller.id, ...l });
		expect((await getStaffHours(app, o.teller, o.teller.id, 2026)).standing.earned.remote).toBe(
			l.hours
		);
		expect((await getStaffHours(app, o.teller, o.teller.id, 2027)).entries).toHaveLength(0);
	});

	it('counts a lesson finished just after midnight in the new year, though UTC is still 2026', async () => {
		const app = await createTestApp({}, '2027-01-01T00:10:00+08:00');
		const o = await hoursOffice(app);
		const l = await firstRemoteLesson(app);
		await recordLessonCompletion(app, { staffId: o.teller.id, ...l });
		const next = await getStaffHours(app, o.teller, o.teller.id, 2027);
		expect(next.entries[0]?.earnedOn).toBe('2027-01-01');
		expect(next.standing.earned.remote).toBe(l.hours);
		expect((await getStaffHours(app, o.teller, o.teller.id, 2026)).entries).toHaveLength(0);
	});

	it('judges a closed year in full and a year not yet begun not at all', async () => {
		const app = await createTestApp({}, '2027-01-01T09:00:00+08:00');
		const o = await hoursOffice(app);
		expect((await getStaffHours(app, o.teller, o.teller.id, 2026)).standing.behindPace).toBe(true);
		expect((await getStaffHours(app, o.teller, o.teller.id, 2028)).standing.behindPace).toBe(false);
	});

	it('shows this year’s hours, what is owed and being behind on the home card', async () => {
		const app = await createTestApp({}, '2026-07-02T09:00:00+08:00');
		const o = await hoursOffice(app);
		const l = await firstRemoteLesson(app);
		await recordLessonCompletion(app, { staffId: o.teller.id, ...l });
		const home = await getHomeHours(app, o.teller);
		expect(home).toMatchObject({ year: 2026, behindPace: true, complete: false });
		expect(home.earned.remote).toBe(l.hours);
		expect(home.remaining.remote).toBe(40 - l.hours);
	});
});

describe('requirements', () => {
	it('uses 40 remote and 60 centralized until HR sets otherwise', async () => {
		const app = await createTestApp();
		const o = await hoursOffice(app);
		expect((await getStaffHours(app, o.hr, o.teller.id, 2026)).standing.required).toEqual({
			remote: 40,
			centralized: 60
		});
		expect((await listRequirements(app, o.hr))[0]).toMatchObject({ position: '*', remote: 40 });
	});

	it('applies a position’s own requirement, and the * row to every other position', async () => {
		const app = await createTestApp();
		const o = await hoursOffice(app);
		await setRequirement(app, o.hr, { position: '*', remote: 30, centralized: 50 });
		await setRequirement(app, o.hr, { position: '储蓄员', remote: 48, centralized: 72 });
		const required = async (staffId: number) =>
			(await getStaffHours(app, o.hr, staffId, 2026)).standing.required;
		expect(await required(o.teller.id)).toEqual({ remote: 48, centralized: 72 });
		expect(await required(o.courier.id)).toEqual({ remote: 30, centralized: 50 });
		await setRequirement(app, o.hr, { position: '储蓄员', remote: 40, centralized: 60 });
		expect(await required(o.teller.id)).toEqual({ remote: 40, centralized: 60 });
	});

	it('rejects bad requirements and anyone but HR or admin', async () => {
		const app = await createTestApp();
		const o = await hoursOffice(app);
		await expect(
			setRequirement(app, o.hr, { position: ' ', remote: 1, centralized: 1 })
		).rejects.toThrow(Invalid);
		await expect(
			setRequirement(app, o.hr, { position: '*', remote: -1, centralized: NaN })
		).rejects.toThrow(Invalid);
		const ok = { position: '*', remote: 1, centralized: 1 };
		await expect(setRequirement(app, o.trainer, ok)).rejects.toThrow(Forbidden);
		await expect(setRequirement(app, o.manager, ok)).rejects.toThrow(Forbidden);
	});
});

describe('who sees whose hours', () => {
	it('gives a branch manager their own branch only', async () => {
		const app = await createTestApp();
		const o = await hoursOffice(app);
		const rows = await listHoursStanding(app, o.manager, 2026);
		expect(rows.map((r) => r.employeeNo).sort()).toEqual(['R100', 'R101']);
		await expect(listHoursStanding(app, o.manager, 2026, { branchId: o.head.id })).rejects.toThrow(
			Forbidden
		);
		await expect(getStaffHours(app, o.manager, o.courier.id, 2026)).rejects.toThrow(Forbidden);
		expect((await getStaffHours(app, o.manager, o.teller.id, 2026)).year).toBe(2026);
		const overview = await getHoursOverview(app, o.manager, new URLSearchParams('branch=R01'));
		expect(overview.branches).toBeNull();
		expect(overview.rows.every((r) => r.branchCode === 'R01')).toBe(true);
	});

	it('refuses a branch manager asking for another branch, as reports do, not their own instead', async () => {
		const app = await createTestApp();
		const o = await hoursOffice(app);
		const other = new URLSearchParams('branch=H00');
		await expect(getHoursOverview(app, o.manager, other)).rejects.toThrow(Forbidden);
		const reportFilters = parseReportFilters(other, '2026-03-02');
		await expect(resolveScope(app.db, o.manager, reportFilters)).rejects.toThrow(Forbidden);
		// A code that does not exist reads the same as another branch's.
		await expect(
			getHoursOverview(app, o.manager, new URLSearchParams('branch=ZZ99'))
		).rejects.toThrow(Forbidden);
		// Office-wide readers are not limited to a branch.
		expect((await getHoursOverview(app, o.trainer, other)).filters.branch).toBe('H00');
	});

	it('lets a trainer read every branch and record, but not correct', async () => {
		const app = await createTestApp();
		const o = await hoursOffice(app);
		expect(await listHoursStanding(app, o.trainer, 2026)).toHaveLength(5);
		const page = await getPersonHours(app, o.trainer, 'R101', null);
		expect(page).toMatchObject({ canRecord: true, canCorrect: false, year: 2026 });
		const filtered = await getHoursOverview(
			app,
			o.trainer,
			new URLSearchParams('branch=R01&behind=1')
		);
		expect(filtered.filters).toEqual({ year: 2026, branch: 'R01', behindOnly: true });
		expect(filtered.rows.every((r) => r.branchCode === 'R01' && r.standing.behindPace)).toBe(true);
	});

	it('lets a learner see their own hours and nobody else’s', async () => {
		const app = await createTestApp();
		const o = await hoursOffice(app);
		expect((await getStaffHours(app, o.teller, o.teller.id, 2026)).entries).toEqual([]);
		await expect(getStaffHours(app, o.teller, o.manager.id, 2026)).rejects.toThrow(Forbidden);
		await expect(listHoursStanding(app, o.teller, 2026)).rejects.toThrow(Forbidden);
		await expect(getPersonHours(app, o.teller, 'R101', null)).rejects.toThrow(Forbidden);
	});

	it('gives HR everyone, and lets HR correct', async () => {
		const app = await createTestApp();
		const o = await hoursOffice(app);
		expect(await listHoursStanding(app, o.hr, 2026)).toHaveLength(5);
		expect(await getPersonHours(app, o.hr, 'R101', '2025')).toMatchObject({
			canCorrect: true,
			year: 2025
		});
	});
});
