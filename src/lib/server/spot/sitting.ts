/** The drawn person's side: their spot exams, and starting one inside the campaign's terms. */
import { requireUser } from '../auth/guards';
import type { SessionUser } from '../auth/session';
import type { AppContext } from '../context';
import { selectCourseById } from '../courses/service';
import type { Db, Tx } from '../db';
import type { Attempt } from '../db/schema';
import { Forbidden, Invalid } from '../errors';
import {
	findExamFacts,
	startAttempt,
	startAttemptStep,
	type ExamFacts,
	type SeedSource,
	type StartOptions
} from '../exams/service';
import {
	isRetestWaitingForRemedial,
	remedialCompleters,
	remedialStateOf,
	type RemedialState
} from './makeup';
import * as data from './data';
import type { SpotStatus } from '../../spot/enums';
import { loadState, type CampaignState } from './state';

export type SpotBlock =
	'notYetOpen' | 'closed' | 'noAttemptsLeft' | 'passed' | 'remedialFirst' | null;

export interface MySpotExam {
	campaignId: number;
	title: string;
	month: string;
	examTitle: string;
	windowOpensAt: number;
	windowClosesAt: number;
	status: SpotStatus;
	attemptsAllowed: number;
	attemptsUsed: number;
	openAttemptId: number | null;
	remedial: boolean;
	/** The remedial lesson to study before the retest (补考), when the campaign names one. */
	remedialHref: string | null;
	/** Where the person stands on the remedial lesson. */
	remedialState: RemedialState;
	/** The exam's facts for the intro: questions, points, time limit, pass mark, 切屏 rules. */
	facts: ExamFacts | null;
	/** Why there is no start button; null when the person may start, retest or continue. */
	block: SpotBlock;
}

function mine(state: CampaignState, user: SessionUser) {
	const s = state.standings.find((x) => x.staffId === user.id);
	return s && s.tracked && !s.exempt ? s : null;
}

/**
 * A pass ends the person's part in the campaign: no further attempt, so a stray retest cannot
 * turn a pass into a fail (and a needs-retest competency event).
 */
function hasPassed(s: { status: SpotStatus | null }): boolean {
	return s.status === 'passed';
}

async function remedialHref(ctx: AppContext, state: CampaignState): Promise<string | null> {
	const { remedialCourseId, remedialLessonKey } = state.campaign;
	if (remedialCourseId === null || !remedialLessonKey) return null;
	const course = await selectCourseById(ctx.db, remedialCourseId);
	return course ? `/learn/${course.slug}/${remedialLessonKey}` : null;
}

async function remedialOf(db: Db, state: CampaignState, staffId: number): Promise<RemedialState> {
	const done = await remedialCompleters(db, state.campaign, [staffId]);
	return remedialStateOf(state.campaign, done.has(staffId));
}

async function summarize(
	ctx: AppContext,
	state: CampaignState,
	user: SessionUser,
	now: number,
	titles: Map<number, string>
): Promise<MySpotExam | null> {
	const s = mine(state, user);
	if (!s || s.status === null) return null;
	const c = state.campaign;
	const allowed = 1 + c.retestsAllowed;
	const open = s.attempts.find((a) => a.status === 'open');
	const remedial = await remedialOf(ctx.db, state, user.id);
	const block: SpotBlock = open
		? null
		: now < c.windowOpensAt
			? 'notYetOpen'
			: now >= c.windowClosesAt
				? 'closed'
				: hasPassed(s)
					? 'passed'
					: s.attempts.length >= allowed
						? 'noAttemptsLeft'
						: isRetestWaitingForRemedial(s, remedial)
							? 'remedialFirst'
							: null;
	return {
		campaignId: c.id,
		title: c.title,
		month: c.month,
		examTitle: titles.get(c.examId) ?? '',
		windowOpensAt: c.windowOpensAt,
		windowClosesAt: c.windowClosesAt,
		status: s.status,
		attemptsAllowed: allowed,
		attemptsUsed: s.attempts.length,
		openAttemptId: open?.id ?? null,
		remedial: s.remedial,
		remedialHref: s.remedial || remedial !== 'notRequired' ? await remedialHref(ctx, state) : null,
		remedialState: remedial,
		facts: await findExamFacts(ctx.db, c.examId),
		block
	};
}

/** Campaigns in which I am drawn (or stand in), newest first. */
export async function mySpotExams(
	ctx: AppContext,
	user: SessionUser | null
): Promise<MySpotExam[]> {
	const me = requireUser(user);
	const now = ctx.clock.now();
	const titles = await data.selectExamTitles(ctx.db);
	const exams: MySpotExam[] = [];
	for (const id of await data.selectMyCampaignIds(ctx.db, me.id)) {
		const exam = await summarize(ctx, await loadState(ctx.db, id), me, now, titles);
		if (exam !== null) exams.push(exam);
	}
	return exams;
}

/** One of my spot exams, for its landing page. */
export async function getMySpotExam(
	ctx: AppContext,
	user: SessionUser | null,
	campaignId: number
): Promise<MySpotExam> {
	const me = requireUser(user);
	const found = await summarize(
		ctx,
		await loadState(ctx.db, campaignId),
		me,
		ctx.clock.now(),
		await data.selectExamTitles(ctx.db)
	);
	if (!found) throw new Forbidden('not drawn', 'spot.error.notEligible');
	return found;
}

/** For the home card: spot exams whose window has not closed yet. */
export async function getHomeSpot(
	ctx: AppContext,
	user: SessionUser | null
): Promise<MySpotExam[]> {
	const now = ctx.clock.now();
	return (await mySpotExams(ctx, user)).filter((x) => x.windowClosesAt > now);
}

/**
 * Starts (or resumes) my attempt on the campaign's terms: only the drawn and the alternates
 * standing in, never the exempt; inside the window; 1 + retests attempts in it.
 */
export async function startSpotAttempt(
	ctx: AppContext,
	user: SessionUser | null,
	campaignId: number,
	seed?: SeedSource
): Promise<Attempt> {
	const me = requireUser(user);
	const state = await loadState(ctx.db, campaignId);
	return await startAttempt(
		ctx,
		me,
		state.campaign.examId,
		await sittingOptions(ctx.db, state, me, seed)
	);
}

/** `startSpotAttempt` as a step of the caller's transaction, for the signed-in `actor`. */
export async function startSpotAttemptStep(
	ctx: AppContext,
	tx: Tx,
	actor: SessionUser,
	campaignId: number,
	seed?: SeedSource
): Promise<Attempt> {
	const state = await loadState(tx, campaignId);
	return await startAttemptStep(
		ctx,
		tx,
		actor,
		state.campaign.examId,
		await sittingOptions(tx, state, actor, seed)
	);
}

/** The campaign's terms for `me`'s attempt; throws when they have already passed. */
async function sittingOptions(
	db: Db,
	state: CampaignState,
	me: SessionUser,
	seed?: SeedSource
): Promise<StartOptions> {
	const s = mine(state, me);
	const c = state.campaign;
	// Checked here, not only by hiding the button: a posted ?/start must not get past a pass.
	if (s && hasPassed(s) && !s.attempts.some((a) => a.status === 'open')) {
		throw new Invalid([{ key: 'spot.error.alreadyPassed' }]);
	}
	// 补考: the retest opens only once the remedial lesson is completed (not only a hidden button).
	if (s && isRetestWaitingForRemedial(s, await remedialOf(db, state, me.id))) {
		throw new Invalid([{ key: 'makeup.error.remedialFirst' }]);
	}
	return {
		seed,
		isEligible: (_ctx, exam) => s !== null && exam.id === c.examId && me.status !== 'left',
		terms: {
			window: { opensAt: c.windowOpensAt, closesAt: c.windowClosesAt },
			attemptsAllowed: 1 + c.retestsAllowed,
			attemptsUsed: s?.attempts.length ?? 0
		}
	};
}
