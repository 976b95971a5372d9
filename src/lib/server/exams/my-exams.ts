import { requireUser } from '../auth/guards';
import type { SessionUser } from '../auth/session';
import type { AppContext } from '../context';
import type { Attempt, ExamDefinition } from '../db/schema';
import { startAttempt } from './attempts';
import type { ExamPurpose } from '../../exams/enums';
import { Forbidden, NotFound } from '../errors';
import type { BlueprintRule } from './rule';
import * as data from './data';
import type { AttemptSummary } from './data';
import { toTenths } from './types';
import { integrityRulesOf, type IntegrityRules } from './integrity';
import { selectOpenPlanOfStaff } from '../onboarding/service';

/**
 * Purposes a person finds on their own exam list. Spot exams (抽考) are for the people a campaign
 * draws, so they reach them through that campaign, never by browsing.
 */
const SELF_SERVE: readonly ExamPurpose[] = ['practice', 'onboarding', 'certification'];

export type MyAttempt = Omit<AttemptSummary, 'examId'>;

export interface MyExam {
	id: number;
	title: string;
	purpose: ExamPurpose;
	timeLimitMinutes: number | null;
	passMark: number;
	/** Null: unlimited (practice quizzes). */
	attemptsAllowed: number | null;
	attemptsUsed: number;
	/** Null: unlimited. */
	attemptsLeft: number | null;
	windowClosesAt: number | null;
	/** The attempt to continue, if one is open: continuing never uses up an attempt. */
	openAttemptId: number | null;
	attempts: MyAttempt[];
}

/** Why a landing page offers no start button; null when the person may start or continue. */
export type StartBlock =
	'notYetOpen' | 'closed' | 'noAttemptsLeft' | 'inactive' | 'notNewHire' | null;

export interface ExamLanding extends MyExam {
	description: string;
	windowOpensAt: number | null;
	questionCount: number;
	totalPoints: number;
	integrity: IntegrityRules | null;
	blocked: StartBlock;
}

/** What an exam's intro states before starting, whatever page offers it (exam or spot campaign). */
export interface ExamFacts {
	questionCount: number;
	totalPoints: number;
	timeLimitMinutes: number | null;
	passMark: number;
	integrity: IntegrityRules | null;
}

export function factsOf(exam: ExamDefinition): ExamFacts {
	const rules = exam.blueprint as BlueprintRule[];
	const totalTenths = rules.reduce((sum, r) => sum + r.count * toTenths(r.pointsEach), 0);
	return {
		questionCount: rules.reduce((sum, r) => sum + r.count, 0),
		totalPoints: totalTenths / 10,
		timeLimitMinutes: exam.timeLimitMinutes,
		passMark: exam.passMark,
		integrity: integrityRulesOf(exam)
	};
}

/**
 * The onboarding exam is for new hires (someone with an onboarding plan open); anyone who
 * already sat it keeps it on their list, so their results stay reachable.
 */
async function isOfferedOnboarding(ctx: AppContext, staffId: number): Promise<boolean> {
	return (await selectOpenPlanOfStaff(ctx.db, staffId)) !== undefined;
}

// The same rule startAttempt applies by default: anyone still on the staff may sit an exam.
function assertEligible(user: SessionUser): void {
	if (user.status === 'left') throw new Forbidden('left the office', 'exams.error.notEligible');
}

/** Scores stay hidden while the review policy withholds them (colleagues may still be sitting). */
function isScoreWithheld(exam: ExamDefinition, now: number): boolean {
	return (
		exam.reviewPolicy === 'after_window' &&
		(exam.windowClosesAt === null || now < exam.windowClosesAt)
	);
}

function summarize(exam: ExamDefinition, attempts: AttemptSummary[], now: number): MyExam {
	const withheld = isScoreWithheld(exam, now);
	const used = attempts.length;
	const open = attempts.find((a) => a.status === 'open');
	return {
		id: exam.id,
		title: exam.title,
		purpose: exam.purpose,
		timeLimitMinutes: exam.timeLimitMinutes,
		passMark: exam.passMark,
		attemptsAllowed: exam.attemptsAllowed,
		attemptsUsed: used,
		attemptsLeft: exam.attemptsAllowed === null ? null : Math.max(0, exam.attemptsAllowed - used),
		windowClosesAt: exam.windowClosesAt,
		openAttemptId: open?.id ?? null,
		attempts: attempts.map((a) => ({
			id: a.id,
			attemptNo: a.attemptNo,
			status: a.status,
			startedAt: a.startedAt,
			deadline: a.deadline,
			submittedAt: a.submittedAt,
			score: withheld ? null : a.score,
			maxScore: a.maxScore,
			percent: withheld ? null : a.percent,
			passed: withheld ? null : a.passed
		}))
	};
}

/** The exams a person may sit now (active, window open, not spot exams), with their attempts. */
export async function listMyExams(ctx: AppContext, user: SessionUser | null): Promise<MyExam[]> {
	const actor = requireUser(user);
	assertEligible(actor);
	const now = ctx.clock.now();
	const open = await data.selectExamsOpenAt(ctx.db, now, SELF_SERVE);
	const attempts = await data.selectStaffAttempts(
		ctx.db,
		actor.id,
		open.map((e) => e.id)
	);
	const newHire = await isOfferedOnboarding(ctx, actor.id);
	const exams = open.filter(
		(e) => e.purpose !== 'onboarding' || newHire || attempts.some((a) => a.examId === e.id)
	);
	return exams.map((exam) =>
		summarize(
			exam,
			attempts.filter((a) => a.examId === exam.id),
			now
		)
	);
}

function blockedAt(exam: ExamDefinition, now: number, mine: MyExam, newHire: boolean): StartBlock {
	if (mine.openAttemptId !== null) return null;
	if (!exam.active) return 'inactive';
	if (exam.purpose === 'onboarding' && !newHire) return 'notNewHire';
	if (exam.windowOpensAt !== null && now < exam.windowOpensAt) return 'notYetOpen';
	if (exam.windowClosesAt !== null && now >= exam.windowClosesAt) return 'closed';
	if (mine.attemptsLeft === 0) return 'noAttemptsLeft';
	return null;
}

/**
 * One exam's rules before starting: time limit, pass mark, questions, attempts used and left,
 * and the open attempt to continue. Also shown when the window has closed, so past results stay
 * reachable; spot exams are not offered here.
 */
export async function getExamLanding(
	ctx: AppContext,
	user: SessionUser | null,
	examId: number
): Promise<ExamLanding> {
	const actor = requireUser(user);
	assertEligible(actor);
	const exam = Number.isSafeInteger(examId) ? await data.selectExam(ctx.db, examId) : undefined;
	if (!exam || !SELF_SERVE.includes(exam.purpose)) throw new NotFound(`exam ${examId}`);
	const now = ctx.clock.now();
	const mine = summarize(exam, await data.selectStaffAttempts(ctx.db, actor.id, [exam.id]), now);
	const facts = factsOf(exam);
	const newHire = exam.purpose !== 'onboarding' || (await isOfferedOnboarding(ctx, actor.id));
	return {
		...mine,
		description: exam.description,
		windowOpensAt: exam.windowOpensAt,
		questionCount: facts.questionCount,
		totalPoints: facts.totalPoints,
		integrity: facts.integrity,
		blocked: blockedAt(exam, now, mine, newHire)
	};
}

export interface ExamBasics {
	id: number;
	purpose: ExamPurpose;
	passMark: number;
}

/** What a result page needs beside the review: the pass mark it is judged by, and the kind. */
export async function getExamBasics(
	ctx: AppContext,
	user: SessionUser | null,
	examId: number
): Promise<ExamBasics> {
	requireUser(user);
	const exam = await data.selectExam(ctx.db, examId);
	if (!exam) throw new NotFound(`exam ${examId}`);
	return { id: exam.id, purpose: exam.purpose, passMark: exam.passMark };
}

/** Starts (or resumes) an exam from its landing page, on the landing's rules. */
export async function startFromLanding(
	ctx: AppContext,
	user: SessionUser | null,
	examId: number
): Promise<Attempt> {
	const landing = await getExamLanding(ctx, user, examId);
	if (landing.blocked === 'notNewHire')
		throw new Forbidden('not a new hire', 'exams.landing.notNewHire');
	return await startAttempt(ctx, user, examId);
}
