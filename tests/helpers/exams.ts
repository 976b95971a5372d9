import { eq } from 'drizzle-orm';
import {
	examDefinition,
	question,
	questionBank,
	questionVersion
} from '../../src/lib/server/db/schema';
import type { BlueprintRule } from '../../src/lib/server/exams/rule';
import type { OptionDraft } from '../../src/lib/server/questions/types';
import type { QuestionType } from '../../src/lib/questions/enums';
import type { TestApp } from './app';

const LETTERS = 'ABCD';

function optionsFor(type: QuestionType, correct: string[]): OptionDraft[] {
	if (type !== 'single' && type !== 'multiple') return [];
	return [...LETTERS].map((key) => ({
		key,
		text: `选项${key}`,
		correct: correct.includes(key),
		weight: null,
		feedback: null
	}));
}

/** A bank with `count` questions per type; single-choice answers are always A, multiple A+C. */
export async function makeBank(app: TestApp, count = 10, name = '储蓄业务'): Promise<number> {
	const now = app.clock.now();
	const bank = await app.db.insert(questionBank).values({ name, createdAt: now }).returning().get();
	const types: QuestionType[] = ['single', 'multiple', 'true_false', 'fill_blank'];
	for (const type of types) {
		for (let i = 0; i < count; i++) {
			const q = await app.db
				.insert(question)
				.values({ bankId: bank.id, createdAt: now })
				.returning()
				.get();
			const v = await app.db
				.insert(questionVersion)
				.values({
					questionId: q.id,
					version: 1,
					type,
					stem: `${type} 题 ${i + 1}`,
					options: optionsFor(type, type === 'single' ? ['A'] : ['A', 'C']),
					correctBoolean: type === 'true_false' ? true : null,
					acceptedAnswers: type === 'fill_blank' ? ['五万元', '5万元'] : [],
					explanation: '解析',
					difficulty: 1 + (i % 5),
					tags: [],
					createdAt: now
				})
				.returning()
				.get();
			await app.db
				.update(question)
				.set({ currentVersionId: v.id })
				.where(eq(question.id, q.id))
				.run();
		}
	}
	return bank.id;
}

export async function makeExam(
	app: TestApp,
	bankId: number,
	fields: Partial<typeof examDefinition.$inferInsert> = {},
	rules?: BlueprintRule[]
): Promise<number> {
	const now = app.clock.now();
	const blueprint: BlueprintRule[] = rules ?? [
		{ id: 'r1', bankId, type: 'single', count: 3, pointsEach: 10 },
		{ id: 'r2', bankId, type: 'multiple', count: 2, pointsEach: 10 },
		{ id: 'r3', bankId, type: 'true_false', count: 2, pointsEach: 10 },
		{ id: 'r4', bankId, type: 'fill_blank', count: 1, pointsEach: 20 }
	];
	return (
		await app.db
			.insert(examDefinition)
			.values({
				title: '测试考试',
				purpose: 'certification',
				blueprint,
				timeLimitMinutes: 30,
				passMark: 60,
				attemptsAllowed: 2,
				reviewPolicy: 'score_and_answers',
				createdAt: now,
				updatedAt: now,
				...fields
			})
			.returning()
			.get()
	).id;
}
