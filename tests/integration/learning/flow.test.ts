import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toSessionUser } from '../../../src/lib/server/auth/session';
import { loadContent } from '../../../src/lib/server/courses/loader';
import * as cq from '../../../src/lib/server/courses/queries';
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

async function setup(position = '储蓄员', status: 'active' | 'onboarding' | 'left' = 'active') {
	const app = createTestApp();
	syncCourses(app, loadContent(path.resolve('content')));
	const b = makeBranch(app);
	const row = await makeStaff(app, { branchId: b.id, position, status });
	return { app, me: toSessionUser(row, ['learner']) };
}

function courseOf(app: TestApp, kind: string) {
	return cq.selectCourses(app.db).find((c) => c.kind === kind)!;
}

describe('learning flow', () => {
	it('lists every course with no progress yet and marks those meant for the position', async () => {
		const { app, me } = await setup('投递员');
		const cards = listCourses(app, me);
		expect(cards.length).toBeGreaterThanOrEqual(3);
		expect(cards.every((c) => c.progress.completedLessons === 0)).toBe(true);
		const byKind = new Map(cards.map((c) => [c.kind, c]));
		expect(byKind.get('remote')).toMatchObject({ forMyPosition: true });
		expect(byKind.get('remote')?.progress.totalHours).toBe(40);
		expect(byKind.get('onboarding')).toMatchObject({ forMyPosition: false });
	});

	it('opens a lesson with its html, place and neighbours', async () => {
		const { app, me } = await setup();
		const outline = getCourse(app, me, courseOf(app, 'onboarding').slug);
		const [first, second] = outline.modules[0]!.lessons;
		const view = getLesson(app, me, outline.slug, outline.modules[0]!.slug, first!.slug);
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
		const slug = courseOf(app, 'onboarding').slug;
		const outline = getCourse(app, me, slug);
		const mod = outline.modules[0]!;
		const first = mod.lessons[0]!;
		const key = `${mod.slug}/${first.slug}`;

		const done = completeLesson(app, me, slug, key);
		expect(done).toMatchObject({ newlyCompleted: true, creditedHours: first.classHours });
		expect(done.next?.lessonSlug).toBe(mod.lessons[1]!.slug);
		expect(completeLesson(app, me, slug, key)).toMatchObject({
			newlyCompleted: false,
			creditedHours: 0
		});

		const hours = getStaffHours(app, me, me.id, 2026);
		expect(hours.entries).toHaveLength(1);
		expect(hours.standing.earned.onboarding).toBe(first.classHours);
		const after = getCourse(app, me, slug);
		expect(after.modules[0]!.lessons[0]!.completed).toBe(true);
		expect(after.modules[0]!.progress.completedLessons).toBe(1);
		expect(after.progress.completedHours).toBe(first.classHours);
		expect(after.next?.lessonSlug).toBe(mod.lessons[1]!.slug);
		expect(getLesson(app, me, slug, mod.slug, first.slug).completed).toBe(true);
		expect(listCourses(app, me).find((c) => c.slug === slug)?.progress.completedLessons).toBe(1);
	});

	it('credits a remote lesson as remote hours', async () => {
		const { app, me } = await setup();
		const course = getCourse(app, me, courseOf(app, 'remote').slug);
		const mod = course.modules[0]!;
		completeLesson(app, me, course.slug, `${mod.slug}/${mod.lessons[0]!.slug}`);
		expect(getStaffHours(app, me, me.id, 2026).standing.earned.remote).toBe(
			mod.lessons[0]!.classHours
		);
	});

	it('credits centralized lessons only through attendance, never by reading online', async () => {
		const { app, me } = await setup();
		const course = getCourse(app, me, courseOf(app, 'centralized').slug);
		expect(course.selfCompletable).toBe(false);
		const mod = course.modules[0]!;
		const lesson = mod.lessons[0]!;
		expect(getLesson(app, me, course.slug, mod.slug, lesson.slug).selfCompletable).toBe(false);
		expect(() => completeLesson(app, me, course.slug, `${mod.slug}/${lesson.slug}`)).toThrow(
			Invalid
		);
		expect(getStaffHours(app, me, me.id, 2026).entries).toHaveLength(0);
	});

	it('answers unknown courses and lessons with not found, and credits nothing', async () => {
		const { app, me } = await setup();
		const slug = courseOf(app, 'remote').slug;
		expect(() => getCourse(app, me, 'no-such-course')).toThrow(NotFound);
		expect(() => getLesson(app, me, slug, 'nope', 'nope')).toThrow(NotFound);
		expect(() => completeLesson(app, me, slug, 'nope/nope')).toThrow(NotFound);
		expect(getStaffHours(app, me, me.id, 2026).entries).toHaveLength(0);
	});

	it('no longer offers a retired course', async () => {
		const { app, me } = await setup();
		const course = courseOf(app, 'self_study');
		cq.updateCourse(app.db, course.id, { retired: true });
		expect(listCourses(app, me).some((c) => c.slug === course.slug)).toBe(false);
		expect(() => getCourse(app, me, course.slug)).toThrow(NotFound);
		expect(() => completeLesson(app, me, course.slug, 'x/y')).toThrow(NotFound);
	});

	it('keeps out anonymous visitors and people who have left', async () => {
		const { app, me } = await setup('储蓄员', 'left');
		expect(() => listCourses(app, null)).toThrow(Unauthenticated);
		expect(() => listCourses(app, me)).toThrow(Forbidden);
		const slug = courseOf(app, 'remote').slug;
		expect(() => completeLesson(app, me, slug, 'a/b')).toThrow(Forbidden);
	});
});
