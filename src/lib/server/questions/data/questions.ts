// question and question_version: a question's rows and its append-only versions, as the bank
// editor and the import write and read them.
import { and, desc, eq, isNotNull } from 'drizzle-orm';
import { first, inserted, type Db } from '../../db';
import { question, questionVersion, staff } from '../../db/schema';
import type { VersionContent } from '../content';

export type QuestionRow = typeof question.$inferSelect;
export type VersionRow = typeof questionVersion.$inferSelect;

export async function selectQuestion(db: Db, id: number): Promise<QuestionRow | undefined> {
	return await first(db.select().from(question).where(eq(question.id, id)));
}

/** A question's versions, newest first, with the name of who wrote each. */
export async function selectQuestionVersions(
	db: Db,
	questionId: number
): Promise<(VersionRow & { by: string | null })[]> {
	return (
		await db
			.select({ v: questionVersion, by: staff.name })
			.from(questionVersion)
			.leftJoin(staff, eq(staff.id, questionVersion.createdBy))
			.where(eq(questionVersion.questionId, questionId))
			.orderBy(desc(questionVersion.version))
	).map((r) => ({ ...r.v, by: r.by }));
}

export async function selectQuestionIdByExternalId(
	db: Db,
	bankId: number,
	externalId: string
): Promise<number | null> {
	const where = and(eq(question.bankId, bankId), eq(question.externalId, externalId));
	return (await first(db.select({ id: question.id }).from(question).where(where)))?.id ?? null;
}

/** Questions with an external id and their current versions: what a re-import compares to. */
export async function selectIdentifiedQuestions(
	db: Db
): Promise<{ id: number; bankId: number; externalId: string; current: VersionRow }[]> {
	return (
		await db
			.select({
				id: question.id,
				bankId: question.bankId,
				externalId: question.externalId,
				current: questionVersion
			})
			.from(question)
			.innerJoin(questionVersion, eq(questionVersion.id, question.currentVersionId))
			.where(isNotNull(question.externalId))
	).map((r) => ({ ...r, externalId: r.externalId ?? '' }));
}

export async function insertQuestion(db: Db, row: typeof question.$inferInsert): Promise<number> {
	return (await inserted(db.insert(question).values(row).returning({ id: question.id }))).id;
}

/** Appends a version and makes it the question's current one. */
export async function insertVersion(
	db: Db,
	row: VersionContent & {
		questionId: number;
		version: number;
		createdBy: number | null;
		createdAt: number;
	}
): Promise<number> {
	const id = (
		await inserted(db.insert(questionVersion).values(row).returning({ id: questionVersion.id }))
	).id;
	await db
		.update(question)
		.set({ currentVersionId: id })
		.where(eq(question.id, row.questionId));
	return id;
}

export async function updateRetired(
	db: Db,
	id: number,
	set: { retired: boolean; retiredAt: number | null; retiredBy: number | null }
): Promise<void> {
	await db.update(question).set(set).where(eq(question.id, id));
}
