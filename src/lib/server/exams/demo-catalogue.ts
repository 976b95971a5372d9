/** The demo office's quizzes and exams, as plain definitions the demo seed creates. */
import type { QuestionType } from '../../questions/enums';
import type { ExamInput } from './definition-input';
import type { BlueprintRule } from './rule';

export const DEMO_BANKS = [
	'储蓄业务',
	'内控合规',
	'反洗钱',
	'服务规范',
	'储蓄业务鉴定题库'
] as const;
/** The certification's own bank, kept secret (保密); the others are open for practice. */
export const DEMO_CLOSED_BANK: DemoBank = '储蓄业务鉴定题库';
export type DemoBank = (typeof DEMO_BANKS)[number];

export const ONBOARDING_EXAM_TITLE = '岗前培训结业考试';
export const CERTIFICATION_TITLE = '储蓄业务职业鉴定';

export interface DemoCourses {
	/** Course ids by kind; the seat course is the onboarding one. */
	seat?: number;
	remote?: number;
	centralized?: number;
	spotPrep?: number;
	/** A lesson of the seat course on anti-money laundering, for a lesson-end quiz. */
	amlLessonKey?: string;
}

type Bank = Record<DemoBank, number>;

function ruleMaker(banks: Bank) {
	let n = 0;
	return (bank: DemoBank, count: number, pointsEach: number, type?: QuestionType) => {
		n++;
		const rule: BlueprintRule = { id: `r${n}`, bankId: banks[bank], count, pointsEach };
		return type ? { ...rule, type } : rule;
	};
}

const PRACTICE: Omit<ExamInput, 'title' | 'description' | 'blueprint'> = {
	purpose: 'practice',
	timeLimitMinutes: null,
	passMark: 60,
	attemptsAllowed: null,
	shuffleOptions: true,
	partialCredit: 'none',
	reviewPolicy: 'score_and_answers',
	windowOpensAt: null,
	windowClosesAt: null,
	courseId: null,
	lessonKey: null
};

function practice(
	title: string,
	description: string,
	blueprint: BlueprintRule[],
	courseId: number | undefined,
	lessonKey: string | null = null
): ExamInput {
	return { ...PRACTICE, title, description, blueprint, courseId: courseId ?? null, lessonKey };
}

/** A practice quiz per course (one of them a lesson-end quiz), each worth 100 points. */
export function demoPracticeQuizzes(banks: Bank, courses: DemoCourses): ExamInput[] {
	const quizzes: ExamInput[] = [];
	const r = () => ruleMaker(banks);
	quizzes.push(
		practice(
			'储蓄业务练习',
			'岗前理论课配套练习，10 道题，可反复练习，交卷后看答案和解析。',
			[r()('储蓄业务', 10, 10)],
			courses.seat
		)
	);
	if (courses.amlLessonKey) {
		quizzes.push(
			practice(
				'反洗钱基础课后练习',
				'学完“反洗钱基础”一课后的 5 道小练习。',
				[r()('反洗钱', 5, 20)],
				courses.seat,
				courses.amlLessonKey
			)
		);
	}
	quizzes.push(
		practice(
			'内控合规练习',
			'年度远程培训配套练习：合规与案防。',
			[r()('内控合规', 10, 10)],
			courses.remote
		),
		practice(
			'服务规范练习',
			'年度集中培训配套练习：柜面服务规范。',
			[r()('服务规范', 10, 10)],
			courses.centralized
		)
	);
	const mock = r();
	quizzes.push(
		practice(
			'储蓄员抽考模拟练习',
			'按储蓄员业务抽考的题型结构出题，20 道题。',
			[
				mock('储蓄业务', 8, 5, 'single'),
				mock('储蓄业务', 4, 5, 'true_false'),
				mock('反洗钱', 8, 5, 'single')
			],
			courses.spotPrep
		)
	);
	return quizzes;
}

/** 40 questions from all four banks by type: 20 single ×2, 10 multiple ×3, 10 true/false ×3. */
export function demoOnboardingExam(banks: Bank): ExamInput {
	const rule = ruleMaker(banks);
	const mix = (bank: DemoBank, single: number, other: number) => [
		rule(bank, single, 2, 'single'),
		rule(bank, other, 3, 'multiple'),
		rule(bank, other, 3, 'true_false')
	];
	return {
		...PRACTICE,
		title: ONBOARDING_EXAM_TITLE,
		purpose: 'onboarding',
		description: '新入职员工上岗前须通过的结业考试：30 分钟，40 道题，80 分及格，最多 3 次机会。',
		blueprint: [
			...mix('储蓄业务', 8, 4),
			...mix('内控合规', 4, 2),
			...mix('反洗钱', 4, 2),
			...mix('服务规范', 4, 2)
		],
		timeLimitMinutes: 30,
		passMark: 80,
		attemptsAllowed: 3
	};
}

/**
 * 50 questions from the closed certification bank (储蓄业务鉴定题库), 2 points each, one sitting
 * inside this month's window. A closed bank shows no answers in a review: score only.
 */
export function demoCertificationExam(banks: Bank, opensAt: number, closesAt: number): ExamInput {
	const rule = ruleMaker(banks);
	return {
		...PRACTICE,
		title: CERTIFICATION_TITLE,
		purpose: 'certification',
		description:
			'储蓄员职业技能鉴定理论考试：60 分钟，50 道题，60 分合格；交卷后只公布成绩（鉴定题库保密）。',
		blueprint: [
			rule(DEMO_CLOSED_BANK, 28, 2, 'single'),
			rule(DEMO_CLOSED_BANK, 10, 2, 'multiple'),
			rule(DEMO_CLOSED_BANK, 10, 2, 'true_false'),
			rule(DEMO_CLOSED_BANK, 2, 2, 'fill_blank')
		],
		timeLimitMinutes: 60,
		passMark: 60,
		attemptsAllowed: 1,
		reviewPolicy: 'score_only',
		windowOpensAt: opensAt,
		windowClosesAt: closesAt
	};
}
