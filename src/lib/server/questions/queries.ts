import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { question, questionBank, questionVersion, staff } from '../db/schema';
import type { VersionContent } from './content';

export type BankRow = typeof questionBank.$inferSelect;
export type QuestionRow = typeof question.$inferSelect;
export type VersionRow = typeof questionVersion.$inferSelect;

export function selectBanks(db: Db): BankRow[] {
	return db.select().from(questionBank).orderBy(asc(questionBank.name)).all();
}

export function selectBank(db: Db, id: number): BankRow | undefined {
	return db.select().from(questionBank).where(eq(questionBank.id, id)).get();
}

export function selectBankByName(db: Db, name: string): BankRow | undefined {
	return db.select().from(questionBank).where(eq(questionBank.name, name)).get();
}

export function insertBank(db: Db, row: typeof questionBank.$inferInsert): number {
	return db.insert(questionBank).values(row).returning({ id: questionBank.id }).get().id;
}

/** Tells cached draw pools that these banks' questions changed. */
export function bumpRevisions(db: Db, bankIds: number[]): void {
	if (bankIds.length === 0) return;
	db.update(questionBank)
		.set({ revision: sql`${questionBank.revision} + 1` })
		.where(inArray(questionBank.id, bankIds))
		.run();
}

export function selectQuestion(db: Db, id: number): QuestionRow | undefined {
	return db.select().from(question).where(eq(question.id, id)).get();
}

export function selectVersions(db: Db, questionId: number): (VersionRow & { by: string | null })[] {
	return db
		.select({ v: questionVersion, by: staff.name })
		.from(questionVersion)
		.leftJoin(staff, eq(staff.id, questionVersion.createdBy))
		.where(eq(questionVersion.questionId, questionId))
		.orderBy(desc(questionVersion.version))
		.all()
		.map((r) => ({ ...r.v, by: r.by }));
}

export function selectQuestionIdByExternalId(
	db: Db,
	bankId: number,
	externalId: string
): number | null {
	const where = and(eq(question.bankId, bankId), eq(question.externalId, externalId));
	return db.select({ id: question.id }).from(question).where(where).get()?.id ?? null;
}

export function selectStaffName(db: Db, id: number | null): string | null {
	if (id === null) return null;
	return db.select({ name: staff.name }).from(staff).where(eq(staff.id, id)).get()?.name ?? null;
}

export function insertQuestion(db: Db, row: typeof question.$inferInsert): number {
	return db.insert(question).values(row).returning({ id: question.id }).get().id;
}

/** Appends a version and makes it the question's current one. */
export function insertVersion(
	db: Db,
	row: VersionContent & {
		questionId: number;
		version: number;
		createdBy: number | null;
		createdAt: number;
	}
): number {
	const id = db.insert(questionVersion).values(row).returning({ id: questionVersion.id }).get().id;
	db.update(question).set({ currentVersionId: id }).where(eq(question.id, row.questionId)).run();
	return id;
}

export function updateRetired(
	db: Db,
	id: number,
	set: { retired: boolean; retiredAt: number | null; retiredBy: number | null }
): void {
	db.update(question).set(set).where(eq(question.id, id)).run();
}
