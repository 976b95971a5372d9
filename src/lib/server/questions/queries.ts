import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { question, questionBank, questionVersion, staff } from '../db/schema';
import type { VersionContent } from './content';

export type BankRow = typeof questionBank.$inferSelect;
export type QuestionRow = typeof question.$inferSelect;
export type VersionRow = typeof questionVersion.$inferSelect;

export async function selectBanks(db: Db): Promise<BankRow[]> {
	return await db.select().from(questionBank).orderBy(asc(questionBank.name)).all();
}

export async function selectBank(db: Db, id: number): Promise<BankRow | undefined> {
	return await db.select().from(questionBank).where(eq(questionBank.id, id)).get();
}

export async function selectBankByName(db: Db, name: string): Promise<BankRow | undefined> {
	return await db.select().from(questionBank).where(eq(questionBank.name, name)).get();
}

export async function insertBank(db: Db, row: typeof questionBank.$inferInsert): Promise<number> {
	return (await db.insert(questionBank).values(row).returning({ id: questionBank.id }).get()).id;
}

/** Tells cached draw pools that these banks' questions changed. */
export async function bumpRevisions(db: Db, bankIds: number[]): Promise<void> {
	if (bankIds.length === 0) return;
	await db
		.update(questionBank)
		.set({ revision: sql`${questionBank.revision} + 1` })
		.where(inArray(questionBank.id, bankIds))
		.run();
}

export async function selectQuestion(db: Db, id: number): Promise<QuestionRow | undefined> {
	return await db.select().from(question).where(eq(question.id, id)).get();
}

export async function selectVersions(
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
			.all()
	).map((r) => ({ ...r.v, by: r.by }));
}

export async function selectQuestionIdByExternalId(
	db: Db,
	bankId: number,
	externalId: string
): Promise<number | null> {
	const where = and(eq(question.bankId, bankId), eq(question.externalId, externalId));
	return (await db.select({ id: question.id }).from(question).where(where).get())?.id ?? null;
}

export async function selectStaffName(db: Db, id: number | null): Promise<string | null> {
	if (id === null) return null;
	return (
		(await db.select({ name: staff.name }).from(staff).where(eq(staff.id, id)).get())?.name ?? null
	);
}

export async function insertQuestion(db: Db, row: typeof question.$inferInsert): Promise<number> {
	return (await db.insert(question).values(row).returning({ id: question.id }).get()).id;
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
		await db.insert(questionVersion).values(row).returning({ id: questionVersion.id }).get()
	).id;
	await db
		.update(question)
		.set({ currentVersionId: id })
		.where(eq(question.id, row.questionId))
		.run();
	return id;
}

export async function updateRetired(
	db: Db,
	id: number,
	set: { retired: boolean; retiredAt: number | null; retiredBy: number | null }
): Promise<void> {
	await db.update(question).set(set).where(eq(question.id, id)).run();
}
