/** The plain shapes the exam definition pages pass to their form components. */
import type { ExamPurpose, PartialCredit, ReviewPolicy } from '$lib/exams/enums';

export interface RuleValues {
	id: string;
	bankId: number | null;
	category?: string | null;
	tags?: readonly string[] | null;
	type?: string | null;
	difficultyMin?: number | null;
	difficultyMax?: number | null;
	count: number | null;
	pointsEach: number | null;
	/** Shown on a saved exam: live matching questions and the shortfall. */
	candidates?: number;
	short?: number;
}

export interface FormValues {
	title: string;
	purpose: ExamPurpose;
	description: string;
	timeLimitMinutes: number | null;
	passMark: number;
	attemptsAllowed: number | null;
	shuffleOptions: boolean;
	partialCredit: PartialCredit;
	reviewPolicy: ReviewPolicy;
	windowOpensAt: string;
	windowClosesAt: string;
	courseId: number | null;
	lessonKey: string | null;
	switchLimit?: number | null;
	requireFullscreen?: boolean;
}

export interface Choices {
	banks: { id: number; name: string; live: number }[];
	courses: { id: number; title: string; lessons: { key: string; title: string }[] }[];
}

export const NEW_EXAM: FormValues = {
	title: '',
	purpose: 'practice',
	description: '',
	timeLimitMinutes: null,
	passMark: 60,
	attemptsAllowed: null,
	shuffleOptions: true,
	partialCredit: 'none',
	reviewPolicy: 'score_and_answers',
	windowOpensAt: '',
	windowClosesAt: '',
	courseId: null,
	lessonKey: null
};
