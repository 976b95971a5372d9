import { and, desc, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../db';
import { question, questionImport, questionVersion, staff } from '../db/schema';
import type { VersionRow } from './queries';

export type ImportRow = typeof questionImport.$inferSelect;

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
			.all()
	).map((r) => ({ ...r, externalId: r.externalId ?? '' }));
}

export async function insertImport(
	db: Db,
	row: typeof questionImport.$inferInsert
): Promise<number> {
	return (await db.insert(questionImport).values(row).returning({ id: questionImport.id }).get())
		.id;
}

export async function selectImport(db: Db, id: number): Promise<ImportRow | undefined> {
	return await db.select().from(questionImport).where(eq(questionImport.id, id)).get();
}

export type ImportListRow = Omit<ImportRow, 'content' | 'newBank'> & { by: string | null };

export async function selectRecentImports(db: Db, limit: number): Promise<ImportListRow[]> {
	const i = questionImport;
	return await db
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
export async function updatePreviewedImport(
	db: Db,
	id: number,
	set: Partial<typeof questionImport.$inferInsert>
): Promise<boolean> {
	const where = and(eq(questionImport.id, id), eq(questionImport.status, 'previewed'));
	return (await db.update(questionImport).set(set).where(where).run()).changes === 1;
}
