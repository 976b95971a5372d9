import { canReviewAnyAttempt } from '../auth/permissions';
import type { SessionUser } from '../auth/session';
import type { AppContext } from '../context';
import type { Attempt, ExamDefinition } from '../db/schema';
import { Forbidden, NotFound } from '../errors';
import { DEFAULT_GRACE_MS } from './clock-rules';
import { gradeAttempt, type PartialCredit } from './grading';
import { integrityRulesOf, type IntegrityRules } from './integrity';
import { paperView, type PaperView, type SavedState } from './paper-view';
import { findClosedBanks, loadQuestionVersions } from '../questions/service';
import * as data from './data';
import { reviewView, type ReviewView } from './review-view';
import type { Answer, PaperItem } from './types';

async function load(
	ctx: AppContext,
	attemptId: number
): Promise<{ row: Attempt; exam: ExamDefinition }> {
	const row = Number.isSafeInteger(attemptId)
		? await data.selectAttempt(ctx.db, attemptId)
		: undefined;
	if (!row) throw new NotFound(`attempt ${attemptId}`, 'exams.error.noSuchAttempt');
	const exam = await data.selectExam(ctx.db, row.examId);
	if (!exam) throw new NotFound(`exam ${row.examId}`);
	return { row, exam };
}

export interface AttemptView {
	attemptId: number;
	examId: number;
	title: string;
	purpose: ExamDefinition['purpose'];
	status: Attempt['status'];
	startedAt: number;
	/** Epoch ms by the server's clock; null when untimed. */
	deadline: number | null;
	graceMs: number;
	/** The server's time when the page was built, so the browser can correct its own clock. */
	serverNow: number;
	paper: PaperView;
	/** Highest sequence number stored per position, so a reloaded page keeps counting upward. */
	lastSeq: number;
	/** 切屏 rules (null for practice) and the switches recorded so far. */
	integrity: IntegrityRules | null;
	switchCount: number;
}

/** The paper as its owner may see it while taking it: questions, saved answers, no key. */
export async function getAttemptView(
	ctx: AppContext,
	user: SessionUser | null,
	attemptId: number
): Promise<AttemptView> {
	if (!user) throw new Forbidden('not signed in');
	const { row, exam } = await load(ctx, attemptId);
	if (row.staffId !== user.id)
		throw new Forbidden('not your attempt', 'exams.error.notYourAttempt');
	const items = row.paper as PaperItem[];
	const versions = await loadQuestionVersions(
		ctx.db,
		items.map((i) => i.versionId)
	);
	const saved = new Map<number, SavedState>();
	let lastSeq = 0;
	for (const a of await data.selectAnswers(ctx.db, row.id)) {
		const item = items[a.position - 1];
		if (!item) continue;
		saved.set(item.questionId, { answer: (a.answer as Answer | null) ?? null, flagged: a.flagged });
		lastSeq = Math.max(lastSeq, a.seq);
	}
	return {
		attemptId: row.id,
		examId: exam.id,
		title: exam.title,
		purpose: exam.purpose,
		status: row.status,
		startedAt: row.startedAt,
		deadline: row.deadline,
		graceMs: DEFAULT_GRACE_MS,
		serverNow: ctx.clock.now(),
		paper: paperView(items, versions, saved, row.maxScore),
		lastSeq,
		integrity: integrityRulesOf(exam),
		switchCount: await data.countSwitches(ctx.db, row.id)
	};
}

export interface AttemptReview {
	attemptId: number;
	examId: number;
	title: string;
	submittedAt: number | null;
	submittedBy: Attempt['submittedBy'];
	review: ReviewView;
}

/**
 * A submitted attempt as the exam's review policy allows: to its owner; trainers and HR see
 * the full marking whatever the policy, since they answer questions about it.
 */
export async function getAttemptReview(
	ctx: AppContext,
	user: SessionUser | null,
	attemptId: number
): Promise<AttemptReview> {
	if (!user) throw new Forbidden('not signed in');
	const { row, exam } = await load(ctx, attemptId);
	const staffSide = canReviewAnyAttempt(user);
	if (row.staffId !== user.id && !staffSide)
		throw new Forbidden('not your attempt', 'exams.error.notYourAttempt');
	if (row.status !== 'submitted') throw new Forbidden('not submitted', 'exams.error.notSubmitted');
	const items = row.paper as PaperItem[];
	const versions = await loadQuestionVersions(
		ctx.db,
		items.map((i) => i.versionId)
	);
	const answers = new Map<number, Answer | null>();
	for (const a of await data.selectAnswers(ctx.db, row.id)) {
		const item = items[a.position - 1];
		if (item) answers.set(item.questionId, (a.answer as Answer | null) ?? null);
	}
	const grade = gradeAttempt(
		items.map((item) => ({ question: versions.get(item.versionId)!, points: item.points })),
		answers,
		{ partialCredit: exam.partialCredit as PartialCredit, passMark: exam.passMark }
	);
	const own = row.staffId === user.id;
	const closedBank =
		own &&
		(
			await findClosedBanks(
				ctx.db,
				[...versions.values()].map((v) => v.bankId)
			)
		).length > 0;
	const review = reviewView({
		closedBank,
		policy: own ? exam.reviewPolicy : 'score_and_answers',
		now: ctx.clock.now(),
		windowClosesAt: exam.windowClosesAt,
		grade,
		items,
		questions: versions,
		answers
	});
	return {
		attemptId: row.id,
		examId: exam.id,
		title: exam.title,
		submittedAt: row.submittedAt,
		submittedBy: row.submittedBy,
		review
	};
}
