import {
	and,
	asc,
	count,
	desc,
	eq,
	inArray,
	isNotNull,
	like,
	or,
	sql,
	type SQL
} from 'drizzle-orm';
import type { Db } from '../db';
import { question, questionBank, questionImport, questionVersion, staff } from '../db/schema';
import type { VersionContent } from './content';
import type { QuestionType } from './types';

export type BankRow = typeof questionBank.$inferSelect;
export type QuestionRow = typeof question.$inferSelect;
export type VersionRow = typeof questionVersion.$inferSelect;
export type ImportRow = typeof questionImport.$inferSelect;

export function selectBanks(db: Db): BankRow[] {
	return db.select().from(questionBank).orderBy(asc(questionBank.name)).all();
}

/** Questions per bank, type and retired flag, at their current versions. */
export function selectBankCounts(
	db: Db
): { bankId: number; type: QuestionType; retired: boolean; n: number }[] {
	return db
		.select({
			bankId: question.bankId,
			type: questionVersion.type,
			retired: question.retired,
			n: count()
		})
		.from(question)
		.innerJoin(questionVersion, eq(questionVersion.id, question.currentVersionId))
		.groupBy(question.bankId, questionVersion.type, question.retired)
		.all();
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

export interface QuestionFilter {
	category?: string;
	type?: QuestionType;
	difficulty?: number;
	tag?: string;
	retired?: boolean;
	text?: string;
}

function filterWhere(bankId: number, f: QuestionFilter): SQL | undefined {
	const v = questionVersion;
	const text = f.text ? `%${f.text.replace(/[%_\\]/g, (c) => `\\${c}`)}%` : null;
	return and(
		eq(question.bankId, bankId),
		f.category !== undefined ? eq(v.category, f.category) : undefined,
		f.type ? eq(v.type, f.type) : undefined,
		f.difficulty ? eq(v.difficulty, f.difficulty) : undefined,
		f.tag ? sql`exists (select 1 from json_each(${v.tags}) where value = ${f.tag})` : undefined,
		f.retired !== undefined ? eq(question.retired, f.retired) : undefined,
		text ? or(sql`${v.stem} like ${text} escape '\\'`, like(question.externalId, text)) : undefined
	);
}

export interface QuestionListRow {
	id: number;
	externalId: string | null;
	retired: boolean;
	version: number;
	type: QuestionType;
	category: string | null;
	stem: string;
	difficulty: number;
	tags: string[];
}

export function selectQuestionPage(
	db: Db,
	bankId: number,
	filter: QuestionFilter,
	page: { limit: number; offset: number }
): { rows: QuestionListRow[]; total: number } {
	const v = questionVersion;
	const where = filterWhere(bankId, filter);
	const base = db.select({ n: count() }).from(question);
	const total = base.innerJoin(v, eq(v.id, question.currentVersionId)).where(where).get()?.n ?? 0;
	const rows = db
		.select({
			id: question.id,
			externalId: question.externalId,
			retired: question.retired,
			version: v.version,
			type: v.type,
			category: v.category,
			stem: v.stem,
			difficulty: v.difficulty,
			tags: v.tags
		})
		.from(question)
		.innerJoin(v, eq(v.id, question.currentVersionId))
		.where(where)
		.orderBy(asc(question.id))
		.limit(page.limit)
		.offset(page.offset)
		.all();
	return { rows, total };
}

/** Categories and tags in use in a bank, for the filter choices. */
export function selectBankFacets(db: Db, bankId: number): { categories: string[]; tags: string[] } {
	const rows = db
		.select({ category: questionVersion.category, tags: questionVersion.tags })
		.from(question)
		.innerJoin(questionVersion, eq(questionVersion.id, question.currentVersionId))
		.where(eq(question.bankId, bankId))
		.all();
	const categories = new Set(rows.flatMap((r) => (r.category ? [r.category] : [])));
	const tags = new Set(rows.flatMap((r) => r.tags));
	return { categories: [...categories].sort(), tags: [...tags].sort() };
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

/** Questions with an external id and their current versions: what a re-import compares to. */
export function selectIdentifiedQuestions(
	db: Db
): { id: number; bankId: number; externalId: string; current: VersionRow }[] {
	return db
		.select({
			id: question.id,
			bankId: question.bankId,
			externalId: question.externalId,
			current: questionVersion
		})
		.from(question)
		.innerJoin(questionVersion, eq(questionVersion.id, question.currentVersionId))
		.where(isNotNull(question.externalId))
		.all()
		.map((r) => ({ ...r, externalId: r.externalId ?? '' }));
}

export function insertImport(db: Db, row: typeof questionImport.$inferInsert): number {
	return db.insert(questionImport).values(row).returning({ id: questionImport.id }).get().id;
}

export function selectImport(db: Db, id: number): ImportRow | undefined {
	return db.select().from(questionImport).where(eq(questionImport.id, id)).get();
}

export type ImportListRow = Omit<ImportRow, 'content'> & { by: string | null };

export function selectRecentImports(db: Db, limit: number): ImportListRow[] {
	const i = questionImport;
	return db
		.select({
			id: i.id,
			createdBy: i.createdBy,
			createdAt: i.createdAt,
			fileName: i.fileName,
			status: i.status,
			summary: i.summary,
			committedAt: i.committedAt,
			by: staff.name
		})
		.from(i)
		.leftJoin(staff, eq(staff.id, i.createdBy))
		.orderBy(desc(i.id))
		.limit(limit)
		.all();
}

/** Moves a previewed import on; false when it was not (still) previewed, e.g. a double commit. */
export function updatePreviewedImport(
	db: Db,
	id: number,
	set: Partial<typeof questionImport.$inferInsert>
): boolean {
	const where = and(eq(questionImport.id, id), eq(questionImport.status, 'previewed'));
	return db.update(questionImport).set(set).where(where).run().changes === 1;
}
