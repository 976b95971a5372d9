import type { ExamPurpose, ReviewPolicy } from '../../exams/enums';
import { EXAM_PURPOSES, PARTIAL_CREDIT, REVIEW_POLICIES } from '../../exams/enums';
import type { Problem } from '../errors';
import { parseOfficeInput, toOfficeInput } from '../../time/office';
import { QUESTION_TYPES, type QuestionType } from '../../questions/enums';
import type { BlueprintRule } from './rule';

/** What a trainer fills in to define a quiz or exam; numbers already read from the form. */
export interface ExamInput {
	title: string;
	purpose: ExamPurpose;
	description: string;
	blueprint: BlueprintRule[];
	/** Null: untimed. */
	timeLimitMinutes: number | null;
	/** Percent of the paper's points needed to pass. */
	passMark: number;
	/** Null: unlimited (practice quizzes only). */
	attemptsAllowed: number | null;
	shuffleOptions: boolean;
	partialCredit: (typeof PARTIAL_CREDIT)[number];
	reviewPolicy: ReviewPolicy;
	windowOpensAt: number | null;
	windowClosesAt: number | null;
	courseId: number | null;
	lessonKey: string | null;
	/** 切屏 limit that submits the attempt (formal exams only); null or absent: off. */
	switchLimit?: number | null;
	/** Leaving full screen counts as a switch (formal exams only). */
	requireFullscreen?: boolean;
}

export const MAX_TITLE_LENGTH = 100;
export const MAX_TIME_LIMIT_MINUTES = 600;
export const MAX_ATTEMPTS = 99;
export const MAX_SWITCH_LIMIT = 20;

/** A form's optional datetime-local value ("2026-11-01T09:00", office time): '' is null. */
export function parseOfficeDateTime(value: string): number | null {
	return value.trim() === '' ? null : parseOfficeInput(value.trim());
}

/** The inverse, for filling a datetime-local input. */
export function formatOfficeDateTime(ms: number | null): string {
	return ms === null ? '' : toOfficeInput(ms);
}

/** An optional number field: '' is null, anything unreadable is NaN (refused by the checks). */
function optionalNumber(value: string): number | null {
	return value.trim() === '' ? null : Number(value.trim());
}

const text = (form: FormData, name: string): string => String(form.get(name) ?? '');

/** Splits 知识点 as the CSV import does: ; , 、 and their full-width forms. */
function splitTags(value: string): string[] {
	return value
		.split(/[;,、；，]/)
		.map((t) => t.trim())
		.filter((t) => t !== '');
}

/**
 * Reads the rule editor's rows: every row posts every field, so the lists line up by index.
 * A row left entirely empty (added, then not filled in) is dropped rather than refused.
 */
function readRules(form: FormData): BlueprintRule[] {
	const col = (name: string): string[] => form.getAll(`rule.${name}`).map(String);
	const ids = col('id');
	const banks = col('bankId');
	const counts = col('count');
	const rules: BlueprintRule[] = [];
	const taken = new Set(ids.filter((id) => id !== ''));
	let next = 1;
	banks.forEach((bank, i) => {
		if (bank.trim() === '' && (counts[i] ?? '').trim() === '') return;
		let id = ids[i] ?? '';
		if (id === '') {
			while (taken.has(`r${next}`)) next++;
			id = `r${next}`;
			taken.add(id);
		}
		const type = col('type')[i] ?? '';
		rules.push({
			id,
			bankId: Number(bank),
			category: (col('category')[i] ?? '').trim() || null,
			tags: splitTags(col('tags')[i] ?? ''),
			type: type === '' ? null : (type as QuestionType),
			difficultyMin: optionalNumber(col('difficultyMin')[i] ?? ''),
			difficultyMax: optionalNumber(col('difficultyMax')[i] ?? ''),
			count: Number(counts[i] ?? ''),
			pointsEach: Number(col('pointsEach')[i] ?? '')
		});
	});
	return rules;
}

/** The exam form as posted by the manage pages, read into an ExamInput (not yet checked). */
export function examInputFromForm(form: FormData): ExamInput {
	const course = optionalNumber(text(form, 'courseId'));
	return {
		title: text(form, 'title').trim(),
		purpose: text(form, 'purpose') as ExamPurpose,
		description: text(form, 'description').trim(),
		blueprint: readRules(form),
		timeLimitMinutes: optionalNumber(text(form, 'timeLimitMinutes')),
		passMark: Number(text(form, 'passMark').trim() || Number.NaN),
		attemptsAllowed: optionalNumber(text(form, 'attemptsAllowed')),
		shuffleOptions: form.get('shuffleOptions') === 'on',
		partialCredit: text(form, 'partialCredit') === 'proportional' ? 'proportional' : 'none',
		reviewPolicy: text(form, 'reviewPolicy') as ReviewPolicy,
		windowOpensAt: parseOfficeDateTime(text(form, 'windowOpensAt')),
		windowClosesAt: parseOfficeDateTime(text(form, 'windowClosesAt')),
		courseId: course,
		lessonKey: text(form, 'lessonKey').trim() || null,
		switchLimit: optionalNumber(text(form, 'switchLimit')),
		requireFullscreen: form.get('requireFullscreen') === 'on'
	};
}

const isWholeIn = (n: number, min: number, max: number): boolean =>
	Number.isInteger(n) && n >= min && n <= max;

/** Rule fields the blueprint checker does not look at: the type and the 1–5 difficulty scale. */
function ruleFieldProblems(rules: readonly BlueprintRule[]): Problem[] {
	const problems: Problem[] = [];
	rules.forEach((rule, i) => {
		const badDifficulty = [rule.difficultyMin, rule.difficultyMax].some(
			(d) => d != null && !isWholeIn(d, 1, 5)
		);
		const badType = rule.type != null && !QUESTION_TYPES.includes(rule.type);
		if (badDifficulty || badType || !Number.isInteger(rule.bankId)) {
			problems.push({
				key: 'examdef.error.ruleFields',
				params: { rule: i + 1 },
				field: 'blueprint'
			});
		}
	});
	return problems;
}

/** Every check that needs no database: each refusal names its field. */
export function checkExamInput(input: ExamInput): Problem[] {
	const problems: Problem[] = [];
	const add = (key: Problem['key'], field: string, params?: Problem['params']): void => {
		problems.push({ key, field, ...(params ? { params } : {}) });
	};
	if (input.title === '') add('examdef.error.titleRequired', 'title');
	else if (input.title.length > MAX_TITLE_LENGTH)
		add('examdef.error.titleTooLong', 'title', { max: MAX_TITLE_LENGTH });
	if (!EXAM_PURPOSES.includes(input.purpose)) add('examdef.error.purposeInvalid', 'purpose');
	if (!Number.isFinite(input.passMark) || input.passMark < 0 || input.passMark > 100)
		add('examdef.error.passMarkRange', 'passMark');
	if (
		input.timeLimitMinutes !== null &&
		!isWholeIn(input.timeLimitMinutes, 1, MAX_TIME_LIMIT_MINUTES)
	)
		add('examdef.error.timeLimitInvalid', 'timeLimitMinutes', { max: MAX_TIME_LIMIT_MINUTES });
	if (input.attemptsAllowed !== null && !isWholeIn(input.attemptsAllowed, 1, MAX_ATTEMPTS))
		add('examdef.error.attemptsInvalid', 'attemptsAllowed', { max: MAX_ATTEMPTS });
	// Unlimited attempts make sense for practice only: an exam that can be retaken forever
	// certifies nothing.
	if (input.attemptsAllowed === null && input.purpose !== 'practice')
		add('examdef.error.attemptsRequired', 'attemptsAllowed');
	if (!REVIEW_POLICIES.includes(input.reviewPolicy))
		add('examdef.error.reviewPolicyInvalid', 'reviewPolicy');
	if (Number.isNaN(input.windowOpensAt)) add('examdef.error.windowInvalid', 'windowOpensAt');
	if (Number.isNaN(input.windowClosesAt)) add('examdef.error.windowInvalid', 'windowClosesAt');
	if (input.reviewPolicy === 'after_window' && input.windowClosesAt === null)
		add('examdef.error.afterWindowNeedsClose', 'windowClosesAt');
	if (
		input.windowOpensAt !== null &&
		input.windowClosesAt !== null &&
		input.windowClosesAt <= input.windowOpensAt
	)
		add('examdef.error.windowOrder', 'windowClosesAt');
	if (input.courseId !== null && !Number.isInteger(input.courseId))
		add('examdef.error.courseMissing', 'courseId');
	if ((input.courseId !== null || input.lessonKey !== null) && input.purpose !== 'practice')
		add('examdef.error.courseOnlyPractice', 'courseId');
	if (input.lessonKey !== null && input.courseId === null)
		add('examdef.error.lessonWithoutCourse', 'lessonKey');
	problems.push(...integrityProblems(input));
	if (input.blueprint.length === 0) add('examdef.error.noRules', 'blueprint');
	problems.push(...ruleFieldProblems(input.blueprint));
	return problems;
}

/** 切屏 rules are for formal exams: practice is never monitored. */
function integrityProblems(input: ExamInput): Problem[] {
	const limit = input.switchLimit ?? null;
	if (limit !== null && !isWholeIn(limit, 1, MAX_SWITCH_LIMIT))
		return [
			{ key: 'integrity.error.limit', field: 'switchLimit', params: { max: MAX_SWITCH_LIMIT } }
		];
	if ((limit !== null || input.requireFullscreen === true) && input.purpose === 'practice')
		return [{ key: 'integrity.error.practice', field: 'switchLimit' }];
	return [];
}
