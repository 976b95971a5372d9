import { eq } from 'drizzle-orm';
import { question, questionBank, questionVersion } from '../../../src/lib/server/db/schema';
import type { QuestionType } from '../../../src/lib/questions/enums';
import type { TestApp } from '../../helpers/app';

export interface QuestionSpec {
	type?: QuestionType;
	difficulty?: number;
	category?: string | null;
	tags?: string[];
}

const options = (type: QuestionType) =>
	type === 'single' || type === 'multiple'
		? ['A', 'B', 'C', 'D'].map((key) => ({
				key,
				text: `选项${key}`,
				correct: key === 'B' || (type === 'multiple' && key === 'D'),
				weight: null,
				feedback: null
			}))
		: [];

/** A bank with one live question per spec, written straight to the tables (fixtures only). */
export async function seedBank(app: TestApp, name: string, specs: QuestionSpec[]): Promise<number> {
	const now = app.clock.now();
	const bankId = (
		await app.db.insert(questionBank).values({ name, createdAt: now }).returning().get()
	).id;
	for (const [i, spec] of specs.entries()) {
		const type = spec.type ?? 'single';
		const q = await app.db
			.insert(question)
			.values({ bankId, externalId: `${name}-${i + 1}`, createdAt: now })
			.returning()
			.get();
		const v = await app.db
			.insert(questionVersion)
			.values({
				questionId: q.id,
				version: 1,
				type,
				category: spec.category ?? null,
				stem: `${name}第${i + 1}题`,
				options: options(type),
				correctBoolean: type === 'true_false' ? true : null,
				acceptedAnswers: type === 'fill_blank' ? ['反洗钱'] : [],
				difficulty: spec.difficulty ?? 3,
				tags: spec.tags ?? [],
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
	return bankId;
}

/** `n` copies of one spec. */
export const many = (n: number, spec: QuestionSpec = {}): QuestionSpec[] =>
	Array.from({ length: n }, () => ({ ...spec }));
