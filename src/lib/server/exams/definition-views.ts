import { requireUser } from '../auth/guards';
import { canDefineExam, requirePermission } from '../auth/permissions';
import type { SessionUser } from '../auth/session';
import type { AppContext } from '../context';
import { rate, type Rate } from '../../reports/rate';
import { selectCourseBySlug, selectCourses, selectLessonOutline } from '../courses/service';
import type { Db } from '../db';
import type { ExamDefinition } from '../db/schema';
import { NotFound } from '../errors';
import { checkBlueprint } from './blueprint';
import { listBankChoices, loadDrawPool } from '../questions/service';
import * as data from './data';
import { formatOfficeDateTime } from './definition-input';
import { blueprintOf } from './pool-cache';
import type { BlueprintRule } from './rule';

export interface BankChoice {
	id: number;
	name: string;
	live: number;
}
export interface CourseChoice {
	id: number;
	title: string;
	lessons: { key: string; title: string }[];
}
export interface AttemptSummary extends data.AttemptCounts {
	/** Submitted attempts that passed, of all submitted. */
	passRate: Rate;
}

export interface ExamListRow {
	id: number;
	title: string;
	purpose: ExamDefinition['purpose'];
	active: boolean;
	courseTitle: string | null;
	questionCount: number;
	timeLimitMinutes: number | null;
	attemptsAllowed: number | null;
	attempts: AttemptSummary;
}

function summarize(counts: data.AttemptCounts | undefined): AttemptSummary {
	const c = counts ?? { submitted: 0, passed: 0, open: 0, averagePercent: null };
	return {
		...c,
		averagePercent: c.averagePercent === null ? null : Math.round(c.averagePercent * 10) / 10,
		passRate: rate(c.passed, c.submitted)
	};
}

async function choices(db: Db): Promise<{ banks: BankChoice[]; courses: CourseChoice[] }> {
	const courses: CourseChoice[] = [];
	// Courses on offer: not retired, with a published version.
	for (const c of (await selectCourses(db)).filter((c) => c.currentVersionId !== null)) {
		courses.push({
			id: c.id,
			title: c.title,
			lessons: (await selectLessonOutline(db, c.currentVersionId as number)).map((l) => ({
				key: l.lessonKey,
				title: l.title
			}))
		});
	}
	return { banks: await listBankChoices(db), courses };
}

/** Every exam with its attempt counts, plus the choices the 新建考试 form needs. */
export async function listExams(
	ctx: AppContext,
	user: SessionUser | null
): Promise<{ exams: ExamListRow[]; banks: BankChoice[]; courses: CourseChoice[] }> {
	requirePermission(user, canDefineExam, 'defines exams');
	const counts = await data.selectAttemptCounts(ctx.db);
	const courseTitles = new Map((await selectCourses(ctx.db, true)).map((c) => [c.id, c.title]));
	const exams = (await data.selectExamList(ctx.db)).map((exam) => ({
		id: exam.id,
		title: exam.title,
		purpose: exam.purpose,
		active: exam.active,
		courseTitle: exam.courseId === null ? null : (courseTitles.get(exam.courseId) ?? null),
		questionCount: blueprintOf(exam).reduce((n, r) => n + r.count, 0),
		timeLimitMinutes: exam.timeLimitMinutes,
		attemptsAllowed: exam.attemptsAllowed,
		attempts: summarize(counts.get(exam.id))
	}));
	return { exams, ...(await choices(ctx.db)) };
}

/** The exam as its edit form shows it: windows as office datetime-local strings. */
export interface ExamFormValues {
	id: number;
	title: string;
	purpose: ExamDefinition['purpose'];
	description: string;
	timeLimitMinutes: number | null;
	passMark: number;
	attemptsAllowed: number | null;
	shuffleOptions: boolean;
	partialCredit: ExamDefinition['partialCredit'];
	reviewPolicy: ExamDefinition['reviewPolicy'];
	windowOpensAt: string;
	windowClosesAt: string;
	courseId: number | null;
	lessonKey: string | null;
	active: boolean;
	switchLimit: number | null;
	requireFullscreen: boolean;
}

export interface RuleRow extends BlueprintRule {
	/** Live questions matching the rule on its own. */
	candidates: number;
	/** How many it is short by when the rules share the pool; 0 when it can be filled. */
	short: number;
}

export interface ExamEditor {
	exam: ExamFormValues;
	rules: RuleRow[];
	questionCount: number;
	totalPoints: number;
	/** False when the live banks can no longer fill the blueprint (questions retired since). */
	feasible: boolean;
	attempts: AttemptSummary;
	banks: BankChoice[];
	courses: CourseChoice[];
}

async function getDefinedExam(ctx: AppContext, examId: number): Promise<ExamDefinition> {
	const exam = Number.isSafeInteger(examId) ? await data.selectExam(ctx.db, examId) : undefined;
	if (!exam) throw new NotFound(`exam ${examId}`);
	return exam;
}

/** One exam for its edit page: rules with live candidate counts, totals and attempt summary. */
export async function getExam(
	ctx: AppContext,
	user: SessionUser | null,
	examId: number
): Promise<ExamEditor> {
	requirePermission(user, canDefineExam, 'defines exams');
	const exam = await getDefinedExam(ctx, examId);
	const rules = blueprintOf(exam);
	const check = checkBlueprint(
		rules,
		await loadDrawPool(ctx.db, [...new Set(rules.map((r) => r.bankId))])
	);
	return {
		exam: {
			id: exam.id,
			title: exam.title,
			purpose: exam.purpose,
			description: exam.description,
			timeLimitMinutes: exam.timeLimitMinutes,
			passMark: exam.passMark,
			attemptsAllowed: exam.attemptsAllowed,
			shuffleOptions: exam.shuffleOptions,
			partialCredit: exam.partialCredit,
			reviewPolicy: exam.reviewPolicy,
			windowOpensAt: formatOfficeDateTime(exam.windowOpensAt),
			windowClosesAt: formatOfficeDateTime(exam.windowClosesAt),
			courseId: exam.courseId,
			lessonKey: exam.lessonKey,
			active: exam.active,
			switchLimit: exam.switchLimit,
			requireFullscreen: exam.requireFullscreen
		},
		rules: rules.map((r, i) => ({
			...r,
			candidates: check.rules[i]?.candidates ?? 0,
			short: check.rules[i]?.short ?? 0
		})),
		questionCount: check.questionCount,
		totalPoints: check.totalPoints,
		feasible: check.ok,
		attempts: summarize((await data.selectAttemptCounts(ctx.db, [exam.id])).get(exam.id)),
		...(await choices(ctx.db))
	};
}

export interface PracticeQuiz {
	examId: number;
	title: string;
	/** The lesson a lesson-end quiz follows; null for a quiz on the whole course. */
	lessonKey: string | null;
}

/**
 * The active practice quizzes of a course (课后练习), for the learner's course and lesson pages.
 * Takes the course's slug, which is what those pages know.
 */
export async function findPracticeQuizzes(
	ctx: AppContext,
	user: SessionUser | null,
	courseSlug: string
): Promise<PracticeQuiz[]> {
	requireUser(user);
	const found = await selectCourseBySlug(ctx.db, courseSlug);
	return found ? await data.selectPracticeQuizzes(ctx.db, found.id) : [];
}
