/** The plain shapes the exam definition pages pass to their form components. */
export const PURPOSES = ['practice', 'onboarding', 'spot', 'certification'] as const;
export const REVIEWS = ['score_only', 'score_and_answers', 'after_window'] as const;
export const TYPES = ['single', 'multiple', 'true_false', 'fill_blank'] as const;

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
	purpose: (typeof PURPOSES)[number];
	description: string;
	timeLimitMinutes: number | null;
	passMark: number;
	attemptsAllowed: number | null;
	shuffleOptions: boolean;
	partialCredit: 'none' | 'proportional';
	reviewPolicy: (typeof REVIEWS)[number];
	windowOpensAt: string;
	windowClosesAt: string;
	courseId: number | null;
	lessonKey: string | null;
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
