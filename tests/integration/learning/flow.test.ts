import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toSessionUser } from '../../../src/lib/server/auth/session';
import { loadContent } from '../../../src/lib/server/courses/loader';
import * as cq from '../../../src/lib/server/courses/data';
import {
	completeLesson,
	getCourse,
	getLesson,
	listCourses
} from '../../../src/lib/server/courses/service';
import { syncCourses } from '../../../src/lib/server/courses/sync';
import { Forbidden, Invalid, NotFound, Unauthenticated } from '../../../src/lib/server/errors';
import { getStaffHours } from '../../../src/lib/server/hours/service';
import { createTestApp, type TestApp } from '../../helpers/app';
import { makeBranch, makeStaff } from '../../helpers/factories';
import { studyLesson } from '../../helpers/study';

async function setup(position = '储蓄员', status: 'active' | 'onboarding' | 'left' = 'active') {
	const app = await createTestApp();
	await syncCourses(app, loadContent(path.resolve('content')));
	const b = await makeBranch(app);
	const row = await makeStaff(app, { branchId: b.id, position, status });
	return { app, me: toSessionUser(row, ['learner']) };
}

async function courseOf(app: TestApp, kind: string) {
	return (await cq.selectCourses(app.db)).find((c) => c.kind === kind)!;
}

describe('learning flow', () => {
	it('lists every course with no progress yet and marks those meant for the position', async () => {
		const { app, me } = await setup('投递员');
		const cards = await listCourses(app, me);
		expect(cards.length).toBeGreaterThanOrEqual(3);
		expect(cards.every((c) => c.progress.completedLessons === 0)).toBe(true);
		const byKind = new Map(cards.map((c) => [c.kind, c]));
		expect(byKind.get('remote')).toMatchObject({ forMyPosition: true });
		expect(byKind.get('remote')?.progress.totalHours).toBe(40);
		expect(byKind.get('onboarding')).toMatchObject({ forMyPosition: false });
	});

	it('opens a lesson with its html, place and neighbours', async () => {
		const { app, me } = await setup();
		const outline = await getCourse(app, me, (await courseOf(app, 'onboarding')).slug);
		const [first, second] = outline.modules[0]!.lessons;
		const view = await getLesson(app, me, outline.slug, outline.modules[0]!.slug, first!.slug);
		expect(view.place).toEqual({ index: 1, total: outline.progress.totalLessons });
		expect(view.lesson.html).toContain('<');
		expect(view.lesson.html).not.toMatch(/<script/i);
		expect(view.prev).toBeNull();
		expect(view.next).toMatchObject({ lessonSlug: second!.slug });
		expect(view.completed).toBe(false);
		expect(outline.next).toMatchObject({ lessonSlug: first!.slug });
	});

	it('credits a completed lesson once and shows the progress', async () => {
		const { app, me } = await setup('储蓄员', 'onboarding');
		const slug = (await courseOf(app, 'onboarding')).slug;
		const outline = await getCourse(app, me, slug);
		const mod = outline.modules[0]!;
		const first = mod.lessons[0]!;
		const key = `${mod.slug}/${first.slug}`;

		await studyLesson(app, me, slug, key);
		const done = await completeLesson(app, me, slug, key);
		expect(done).toMatchObject({ newlyCompleted: true, creditedHours: first.classHours });
		expect(done.next?.lessonSlug).toBe(mod.lessons[1]!.slug);
		expect(await completeLesson(app, me, slug, key)).toMatchObject({
			newlyCompleted: false,
			creditedHours: 0
		});

		const hours = await getStaffHours(app, me, me.id, 2026);
		expect(hours.entries).toHaveLength(1);
		expect(hours.standing.earned.onboarding).toBe(first.classHours);
		const after = await getCourse(app, me, slug);
		expect(after.modules[0]!.lessons[0]!.completed).toBe(true);
		expect(after.modules[0]!.progress.completedLessons).toBe(1);
		expect(after.progress.completedHours).toBe(first.classHours);
		expect(after.next?.lessonSlug).toBe(mod.lessons[1]!.slug);
		expect((await getLesson(app, me, slug, mod.slug, first.slug)).completed).toBe(true);
		expect(
			(await listCourses(app, me)).find((c) => c.slug === slug)?.progress.completedLessons
		).toBe(1);
	});

	it('credits a remote lesson as remote hours', async () => {
		const { app, me } = await setup();
		const course = await getCourse(app, me, (await courseOf(app, 'remote')).slug);
		const mod = course.modules[0]!;
		const key = `${mod.slug}/${mod.lessons[0]!.slug}`;
		await studyLesson(app, me, course.slug, key);
		await completeLesson(app, me, course.slug, key);
		expect((await getStaffHours(app, me, me.id, 2026)).standing.earned.remote).toBe(
			mod.lessons[0]!.classHours
		);
	});

	it('credits centralized lessons only through attendance, never by reading online', async () => {
		const { app, me } = await setup();
		const course = await getCourse(app, me, (await courseOf(app, 'centralized')).slug);
		expect(course.selfCompletable).toBe(false);
		const mod = course.modules[0]!;
		const lesson = mod.lessons[0]!;
		expect((await getLesson(app, me, course.slug, mod.slug, lesson.slug)).selfCompletable).toBe(
			false
		);
		await expect(
			completeLesson(app, me, course.slug, `${mod.slug}/${lesson.slug}`)
		).rejects.toThrow(Invalid);
		expect((await getStaffHours(app, me, me.id, 2026)).entries).toHaveLength(0);
	});

	it('answers unknown courses and lessons with not found, and credits nothing', async () => {
		const { app, me } = await setup();
		const slug = (await courseOf(app, 'remote')).slug;
		await expect(getCourse(app, me, 'no-such-course')).rejects.toThrow(NotFound);
		await expect(getLesson(app, me, slug, 'nope', 'nope')).rejects.toThrow(NotFound);
		await expect(completeLesson(app, me, slug, 'nope/nope')).rejects.toThrow(NotFound);
		expect((await getStaffHours(app, me, me.id, 2026)).entries).toHaveLength(0);
	});

	it('no longer offers a retired course', async () => {
		const { app, me } = await setup();
		const course = await courseOf(app, 'self_study');
		await cq.updateCourse(app.db, course.id, { retired: true });
		expect((await listCourses(app, me)).some((c) => c.slug === course.slug)).toBe(false);
		await expect(getCourse(app, me, course.slug)).rejects.toThrow(NotFound);
		await expect(completeLesson(app, me, course.slug, 'x/y')).rejects.toThrow(NotFound);
	});

	it('keeps out anonymous visitors and people who have left', async () => {
		const { app, me } = await setup('储蓄员', 'left');
		await expect(listCourses(app, null)).rejects.toThrow(Unauthenticated);
		await expect(listCourses(app, me)).rejects.toThrow(Forbidden);
		const slug = (await courseOf(app, 'remote')).slug;
		await expect(completeLesson(app, me, slug, 'a/b')).rejects.toThrow(Forbidden);
	});
});
