import type { OptionDraft } from '../../../src/lib/server/questions/types';
import type { BlueprintRule } from '../../../src/lib/server/exams/blueprint';
import type { ExamQuestion } from '../../../src/lib/server/exams/types';

export function option(key: string, correct = false, weight: number | null = null): OptionDraft {
	return { key, text: `选项${key}的内容`, correct, weight, feedback: correct ? '正确' : null };
}

/** A live single-choice question in bank 1; override what a test cares about. */
export function question(id: number, overrides: Partial<ExamQuestion> = {}): ExamQuestion {
	return {
		questionId: id,
		versionId: id * 10,
		bankId: 1,
		category: '储蓄业务/开户',
		type: 'single',
		stem: `第${id}题：个人开户需要核验什么证件？`,
		options: [option('A'), option('B', true), option('C'), option('D')],
		correctBoolean: null,
		acceptedAnswers: [],
		explanation: '按规定须核验居民身份证原件。',
		difficulty: 3,
		tags: [],
		competency: null,
		retired: false,
		...overrides
	};
}

export function multiple(id: number, overrides: Partial<ExamQuestion> = {}): ExamQuestion {
	return question(id, {
		type: 'multiple',
		options: [option('A', true), option('B'), option('C', true), option('D')],
		...overrides
	});
}

export function trueFalse(
	id: number,
	value = true,
	overrides: Partial<ExamQuestion> = {}
): ExamQuestion {
	return question(id, { type: 'true_false', options: [], correctBoolean: value, ...overrides });
}

export function fillBlank(
	id: number,
	accepted: string[] = ['反洗钱'],
	overrides: Partial<ExamQuestion> = {}
): ExamQuestion {
	return question(id, { type: 'fill_blank', options: [], acceptedAnswers: accepted, ...overrides });
}

export function rule(id: string, overrides: Partial<BlueprintRule> = {}): BlueprintRule {
	return { id, bankId: 1, count: 1, pointsEach: 1, ...overrides };
}

/** Questions id from..to inclusive built by `make`. */
export function range(
	from: number,
	to: number,
	make: (id: number) => ExamQuestion = (id) => question(id)
): ExamQuestion[] {
	return Array.from({ length: to - from + 1 }, (_, i) => make(from + i));
}
