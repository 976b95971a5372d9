import { requireUser } from '../auth/guards';
import { hoursScope } from '../auth/permissions';
import type { SessionUser } from '../auth/session';
import type { AppContext } from '../context';
import { inTransaction, type Db, type Tx } from '../db';
import { Invalid, NotFound } from '../errors';
import {
	accrue,
	BEAT_KINDS,
	DEFAULT_MIN_SHARE_PERCENT,
	remainingMs,
	requiredStudyMs,
	type BeatKind
} from '../../courses/study-time';
import { findOfferedCourse, isSelfCompletable, requireLearner } from './access';
import * as data from './data';

/** Where a person stands with a lesson's minimum study time. */
export interface StudyStatus {
	spentMs: number;
	requiredMs: number;
	remainingMs: number;
}

type LessonMinimum = { lessonKey: string; classHours: number; minMinutes: number | null };

/** The office's share of class hours a lesson needs when its front matter names no minimum. */
function sharePercent(ctx: AppContext): number {
	return ctx.config.lessonMinSharePercent ?? DEFAULT_MIN_SHARE_PERCENT;
}

function statusOf(ctx: AppContext, lesson: LessonMinimum, spentMs: number): StudyStatus {
	const requiredMs = requiredStudyMs(lesson, sharePercent(ctx));
	return { spentMs, requiredMs, remainingMs: remainingMs(spentMs, requiredMs) };
}

const minutes = (ms: number): number => Math.ceil(ms / 60_000);

/** The person's study time on a lesson against its minimum. */
export async function studyStatus(
	ctx: AppContext,
	db: Db,
	staffId: number,
	courseId: number,
	lesson: LessonMinimum
): Promise<StudyStatus> {
	const row = await data.selectStudy(db, { staffId, courseId, lessonKey: lesson.lessonKey });
	return statusOf(ctx, lesson, row?.spentMs ?? 0);
}

/** Refuses to complete a lesson before its minimum study time, saying how long is left. */
export async function requireStudied(
	ctx: AppContext,
	tx: Tx,
	staffId: number,
	courseId: number,
	lesson: LessonMinimum
): Promise<void> {
	const status = await studyStatus(ctx, tx, staffId, courseId, lesson);
	if (status.remainingMs > 0) {
		throw new Invalid([
			{
				key: 'study.notYet',
				params: { required: minutes(status.requiredMs), left: minutes(status.remainingMs) }
			}
		]);
	}
}

/**
 * A heartbeat from an open, visible lesson page: the server adds the wall time since the
 * person's previous heartbeat on this lesson by the accrual rule (study-time.ts). Nothing the
 * browser sends is a duration; `kind` only lets it say a new stretch starts (which adds nothing).
 */
export async function recordStudyBeat(
	ctx: AppContext,
	user: SessionUser | null,
	slug: string,
	lessonKey: string,
	kind: string
): Promise<StudyStatus> {
	const actor = requireLearner(user);
	if (!(BEAT_KINDS as readonly string[]).includes(kind)) {
		throw new Invalid([{ key: 'study.badBeat' }]);
	}
	const course = await findOfferedCourse(ctx, slug);
	const lesson = await data.selectLessonByKey(ctx.db, course.currentVersionId, lessonKey);
	if (!lesson) throw new NotFound(`lesson ${slug}/${lessonKey}`);
	if (!isSelfCompletable(course.kind)) throw new Invalid([{ key: 'learn.byAttendance' }]);
	return await inTransaction(ctx.db, async (tx) => {
		const now = ctx.clock.now();
		const key = { staffId: actor.id, courseId: course.id, lessonKey };
		const row = await data.lockStudy(tx, key, now);
		const next = accrue(row, now, kind as BeatKind);
		await data.updateStudy(tx, row.id, next);
		return statusOf(ctx, lesson, next.spentMs);
	});
}

export interface StudyTimeLine {
	courseTitle: string;
	lessonTitle: string;
	spentMinutes: number;
	requiredMinutes: number;
	completed: boolean;
}

/** One person's study time per lesson, for the pages that already checked who may see it. */
export async function listStudyTimeOf(ctx: AppContext, staffId: number): Promise<StudyTimeLine[]> {
	return (await data.selectStudyTimeOf(ctx.db, staffId)).map((r) => ({
		courseTitle: r.courseTitle,
		lessonTitle: r.lessonTitle,
		spentMinutes: Math.floor(r.spentMs / 60_000),
		requiredMinutes: minutes(requiredStudyMs(r, sharePercent(ctx))),
		completed: r.completedAt !== null
	}));
}

export interface StudyTotalLine {
	courseTitle: string;
	lessonTitle: string;
	requiredMinutes: number;
	learners: number;
	completed: number;
	totalMinutes: number;
	averageMinutes: number;
}

/** Time spent per lesson over the people whose hours the user may see (HR: everyone). */
export async function listStudyTotals(
	ctx: AppContext,
	user: SessionUser | null
): Promise<StudyTotalLine[]> {
	const scope = hoursScope(requireUser(user));
	return (await data.selectStudyTotals(ctx.db, scope)).map((r) => ({
		courseTitle: r.courseTitle,
		lessonTitle: r.lessonTitle,
		requiredMinutes: minutes(requiredStudyMs(r, sharePercent(ctx))),
		learners: r.learners,
		completed: r.completed,
		totalMinutes: Math.floor(r.totalMs / 60_000),
		averageMinutes: r.learners === 0 ? 0 : Math.round(r.totalMs / r.learners / 60_000)
	}));
}

/** A recorded stretch of study, for seeding history (the demo office); the caller's transaction. */
export interface StudiedTime {
	staffId: number;
	courseId: number;
	lessonKey: string;
	spentMs: number;
	startedAt: number;
	lastBeatAt: number;
}

/** Lessons completed with no study time recorded, with what their minimum is. */
export async function listCompletionsWithoutStudy(
	ctx: AppContext
): Promise<(data.CompletionForStudy & { requiredMs: number })[]> {
	return (await data.selectCompletionsWithoutStudy(ctx.db)).map((c) => ({
		...c,
		requiredMs: requiredStudyMs(c, sharePercent(ctx))
	}));
}

/** Records study time that happened before (seeded history); never adds to existing time. */
export async function recordStudiedTime(
	_ctx: AppContext,
	tx: Tx,
	time: StudiedTime
): Promise<void> {
	await data.insertStudy(tx, time);
}
