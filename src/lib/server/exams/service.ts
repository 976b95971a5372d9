// The exams domain's front door: routes, the CLI and other domains import exams only from here.
// The services themselves live beside it, one file per idea; this file says which are public.
import type { Db } from '../db';
import type { ExamDefinition } from '../db/schema';
import * as data from './data';
import { factsOf, type ExamFacts } from './my-exams';

// Taking an exam: start, answer, submit, see the paper and the result.
export {
	startAttempt,
	type EligibilityCheck,
	type SeedSource,
	type SittingTerms,
	type StartOptions
} from './attempts';
export { saveAnswer, saveAnswerGrouped, type SaveInput, type SaveResult } from './save-answer';
export { startSweeper, submitAttempt, sweepOverdueAttempts } from './submit';
export { getAttemptReview, getAttemptView, type AttemptReview, type AttemptView } from './views';
export type { PaperViewItem } from './paper-view';
export {
	getIntegrityRecord,
	recordSwitch,
	type IntegrityRecord,
	type IntegrityRules,
	type SwitchResult
} from './integrity';
export { reviewShows, type ReviewItem } from './review-view';

// The learner's exam list and an exam's landing page.
export {
	getExamBasics,
	getExamLanding,
	listMyExams,
	startFromLanding,
	type ExamBasics,
	type ExamFacts,
	type ExamLanding,
	type MyExam
} from './my-exams';
export { findPracticeQuizzes, type PracticeQuiz } from './definition-views';

// Defining exams, extra time and item analysis (trainers and HR).
export { examInputFromForm, type ExamInput } from './definition-input';
export { createExam, setExamActive, updateExam } from './definitions';
export { getExam, listExams, type ExamEditor, type ExamListRow } from './definition-views';
export {
	getExtraTimePage,
	grantExtraTimeFromForm,
	type ExtraTimePage
} from './definition-extra-time';
export { grantExtraTime } from './extra-time';
export { getItemAnalysis, parseItemSort, type ItemAnalysis, type ItemSort } from './item-analysis';

// Demo generation: sits attempts through the services above.
export { answerAndSubmit, at, demoAnswer, sitDemoAttempt, type Sitting } from './demo-answers';
export {
	CERTIFICATION_TITLE,
	DEMO_BANKS,
	DEMO_CLOSED_BANK,
	ONBOARDING_EXAM_TITLE,
	demoCertificationExam,
	demoOnboardingExam,
	demoPracticeQuizzes,
	type DemoBank,
	type DemoCourses
} from './demo-catalogue';

// For other domains: reads another service needs. They take the handle the caller works on (the
// root handle or its transaction) and no person: the calling service has checked access.

/** An exam's definition, or null when there is none. */
export async function findExam(db: Db, examId: number): Promise<ExamDefinition | null> {
	return (await data.selectExam(db, examId)) ?? null;
}

/** What an exam's intro states (questions, points, time, pass mark, 切屏 rules), or null. */
export async function findExamFacts(db: Db, examId: number): Promise<ExamFacts | null> {
	const exam = await data.selectExam(db, examId);
	return exam ? factsOf(exam) : null;
}

// Steps of another domain's transaction (the spot sitting, the demo seed): each is the service
// of the same name without its permission check and transaction, for an `actor` already checked.
export { startAttemptStep } from './attempts';
export { saveAnswerStep } from './save-answer';
export { submitAttemptStep } from './submit';
export { createExamStep } from './definitions';

/** How many exams are defined. */
export async function countExams(db: Db): Promise<number> {
	return await data.countExams(db);
}

// For the practice domain: its exam definitions and instant feedback (practice-support.ts).
export {
	ensureDrillExam,
	ensureMockExam,
	findPaperItems,
	getItemFeedback,
	listFormalExams,
	questionKeyView
} from './practice-support';
export type { Paper, PaperItem } from './types';
export type { BlueprintRule } from './rule';
