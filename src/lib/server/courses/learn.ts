import type { SessionUser } from '../auth/session';
import type { AppContext } from '../context';
import { inTransaction } from '../db';
import type { HourKind } from '../../hours/enums';
import { Invalid, NotFound } from '../errors';
import { findOfferedCourse, isSelfCompletable, requireLearner } from './access';
import { completeLessonStep, type CompletionResult } from './completion';
import {
	computeProgress,
	firstOpenLesson,
	isMeantFor,
	neighbours,
	type Progress
} from './progress';
import * as data from './data';
import { requireStudied, studyStatus, type StudyStatus } from './study';

/** Where a lesson lives in the URL: /learn/[course]/[module]/[lesson]. */
export interface LessonLink {
	moduleSlug: string;
	lessonSlug: string;
	title: string;
}

export interface CourseCard {
	slug: string;
	title: string;
	kind: HourKind;
	summary: string;
	forMyPosition: boolean;
	/** False for classroom courses, whose hours come from attendance. */
	selfCompletable: boolean;
	progress: Progress;
}

/** The current version's lessons in reading order (module order, then lesson order). */
async function readingOrder(ctx: AppContext, versionId: number) {
	const modules = await data.selectModules(ctx.db, versionId);
	const lessons = await data.selectLessonOutline(ctx.db, versionId);
	const ordered = modules.flatMap((m) =>
		lessons
			.filter((l) => l.moduleId === m.id)
			.sort((a, b) => a.position - b.position)
			.map((l) => ({ ...l, moduleSlug: m.slug }))
	);
	return { modules, ordered };
}

async function completedKeys(
	ctx: AppContext,
	staffId: number,
	courseId: number
): Promise<Set<string>> {
	return new Set(
		(await data.selectCompletions(ctx.db, staffId, [courseId])).map((c) => c.lessonKey)
	);
}

function toLink(l: { moduleSlug: string; slug: string; title: string } | null): LessonLink | null {
	return l ? { moduleSlug: l.moduleSlug, lessonSlug: l.slug, title: l.title } : null;
}

/** Every course on offer with the person's progress and whether it is meant for their position. */
export async function listCourses(
	ctx: AppContext,
	user: SessionUser | null
): Promise<CourseCard[]> {
	const actor = requireLearner(user);
	const courses = (await data.selectCourses(ctx.db)).filter((c) => c.currentVersionId !== null);
	const done = new Map<number, Set<string>>();
	for (const c of await data.selectCompletions(
		ctx.db,
		actor.id,
		courses.map((c) => c.id)
	)) {
		const keys = done.get(c.courseId) ?? new Set<string>();
		keys.add(c.lessonKey);
		done.set(c.courseId, keys);
	}
	const cards: CourseCard[] = [];
	for (const c of courses) {
		cards.push({
			slug: c.slug,
			title: c.title,
			kind: c.kind,
			summary: c.summary,
			forMyPosition: isMeantFor(c.audience, actor.position),
			selfCompletable: isSelfCompletable(c.kind),
			progress: computeProgress(
				await data.selectLessonOutline(ctx.db, c.currentVersionId as number),
				done.get(c.id) ?? new Set()
			)
		});
	}
	return cards;
}

export interface CourseOutline extends CourseCard {
	audience: string[];
	modules: {
		slug: string;
		title: string;
		summary: string;
		progress: Progress;
		lessons: { slug: string; title: string; classHours: number; completed: boolean }[];
	}[];
	/** The first lesson not yet completed, where "continue" leads; null when all are done. */
	next: LessonLink | null;
}

/** A course's outline with per-module progress and a ✓ per completed lesson. */
export async function getCourse(
	ctx: AppContext,
	user: SessionUser | null,
	slug: string
): Promise<CourseOutline> {
	const actor = requireLearner(user);
	const course = await findOfferedCourse(ctx, slug);
	const { modules, ordered } = await readingOrder(ctx, course.currentVersionId);
	const done = await completedKeys(ctx, actor.id, course.id);
	return {
		slug: course.slug,
		title: course.title,
		kind: course.kind,
		summary: course.summary,
		audience: course.audience,
		forMyPosition: isMeantFor(course.audience, actor.position),
		selfCompletable: isSelfCompletable(course.kind),
		progress: computeProgress(ordered, done),
		modules: modules.map((m) => {
			const lessons = ordered.filter((l) => l.moduleId === m.id);
			return {
				slug: m.slug,
				title: m.title,
				summary: m.summary,
				progress: computeProgress(lessons, done),
				lessons: lessons.map((l) => ({
					slug: l.slug,
					title: l.title,
					classHours: l.classHours,
					completed: done.has(l.lessonKey)
				}))
			};
		}),
		next: toLink(firstOpenLesson(ordered, done))
	};
}

export interface LessonView {
	course: { slug: string; title: string; kind: HourKind };
	module: { slug: string; title: string };
	lesson: { key: string; title: string; classHours: number; html: string };
	/** 1-based place in the course and the number of lessons. */
	place: { index: number; total: number };
	selfCompletable: boolean;
	completed: boolean;
	/** Time studied against the lesson's minimum (counted from the page's heartbeats). */
	study: StudyStatus;
	prev: LessonLink | null;
	next: LessonLink | null;
}

/** One lesson to read: its sanitized HTML (rendered at sync), neighbours and completion. */
export async function getLesson(
	ctx: AppContext,
	user: SessionUser | null,
	slug: string,
	moduleSlug: string,
	lessonSlug: string
): Promise<LessonView> {
	const actor = requireLearner(user);
	const course = await findOfferedCourse(ctx, slug);
	const key = `${moduleSlug}/${lessonSlug}`;
	const lesson = await data.selectLessonByKey(ctx.db, course.currentVersionId, key);
	if (!lesson) throw new NotFound(`lesson ${slug}/${key}`);
	const { modules, ordered } = await readingOrder(ctx, course.currentVersionId);
	const mod = modules.find((m) => m.id === lesson.moduleId);
	const { prev, next } = neighbours(ordered, key);
	return {
		course: { slug: course.slug, title: course.title, kind: course.kind },
		module: { slug: moduleSlug, title: mod?.title ?? moduleSlug },
		lesson: { key, title: lesson.title, classHours: lesson.classHours, html: lesson.html },
		place: { index: ordered.findIndex((l) => l.lessonKey === key) + 1, total: ordered.length },
		selfCompletable: isSelfCompletable(course.kind),
		completed: (await completedKeys(ctx, actor.id, course.id)).has(key),
		study: await studyStatus(ctx, ctx.db, actor.id, course.id, lesson),
		prev: toLink(prev),
		next: toLink(next)
	};
}

/**
 * The signed-in learner completes a lesson once they have studied its minimum time; its hours
 * are credited once, never twice.
 */
export async function completeLesson(
	ctx: AppContext,
	user: SessionUser | null,
	slug: string,
	lessonKey: string
): Promise<CompletionResult & { next: LessonLink | null }> {
	const actor = requireLearner(user);
	const course = await findOfferedCourse(ctx, slug);
	if (!isSelfCompletable(course.kind)) throw new Invalid([{ key: 'learn.byAttendance' }]);
	const lesson = await data.selectLessonByKey(ctx.db, course.currentVersionId, lessonKey);
	if (!lesson) throw new NotFound(`lesson ${slug}/${lessonKey}`);
	const input = { staffId: actor.id, courseId: course.id, lessonKey };
	const result = await inTransaction(ctx.db, async (tx) => {
		// Already completed (perhaps before minimums existed): nothing is credited twice anyway.
		const done = await data.selectCompletions(tx, actor.id, [course.id]);
		if (!done.some((c) => c.lessonKey === lessonKey)) {
			await requireStudied(ctx, tx, actor.id, course.id, lesson);
		}
		return await completeLessonStep(ctx, tx, input);
	});
	const { ordered } = await readingOrder(ctx, course.currentVersionId);
	return { ...result, next: toLink(neighbours(ordered, lessonKey).next) };
}
