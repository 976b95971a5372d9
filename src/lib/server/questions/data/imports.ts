// question_import: uploaded question files awaiting, or past, their commit.
import { and, desc, eq } from 'drizzle-orm';
import { first, inserted, type Db } from '../../db';
import { questionImport, staff } from '../../db/schema';

export type ImportRow = typeof questionImport.$inferSelect;

export async function insertImport(
	db: Db,
	row: typeof questionImport.$inferInsert
): Promise<number> {
	return (await inserted(db.insert(questionImport).values(row).returning({ id: questionImport.id })))
		.id;
}

export async function selectImport(db: Db, id: number): Promise<ImportRow | undefined> {
	return await first(db.select().from(questionImport).where(eq(questionImport.id, id)));
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
		.limit(limit);
}

/** Moves a previewed import on; false when it was not (still) previewed, e.g. a double commit. */
export async function updatePreviewedImport(
	db: Db,
	id: number,
	set: Partial<typeof questionImport.$inferInsert>
): Promise<boolean> {
	const where = and(eq(questionImport.id, id), eq(questionImport.status, 'previewed'));
	return (await db.update(questionImport).set(set).where(where)).changes === 1;
}
