// Stored roster files and what became of them.
import { and, desc, eq, getTableColumns, isNotNull, lte } from 'drizzle-orm';
import { first, inserted, type Db } from '../../db';
import { rosterImport, staff } from '../../db/schema';

export type RosterImportRow = typeof rosterImport.$inferSelect;

export async function insertImport(db: Db, row: typeof rosterImport.$inferInsert): Promise<number> {
	return (await inserted(db.insert(rosterImport).values(row).returning({ id: rosterImport.id }))).id;
}

export async function selectImport(db: Db, id: number): Promise<RosterImportRow | undefined> {
	return await first(db.select().from(rosterImport).where(eq(rosterImport.id, id)));
}

export type RosterImportHead = Omit<RosterImportRow, 'content'>;

const IMPORT_COLUMNS = getTableColumns(rosterImport);
const HEAD_COLUMNS = Object.fromEntries(
	Object.entries(IMPORT_COLUMNS).filter(([name]) => name !== 'content')
) as Omit<typeof IMPORT_COLUMNS, 'content'>;

/** An import without its file: what a page polled while the commit runs needs. */
export async function selectImportHead(db: Db, id: number): Promise<RosterImportHead | undefined> {
	return await first(db.select(HEAD_COLUMNS).from(rosterImport).where(eq(rosterImport.id, id)));
}

export interface ImportListItem {
	id: number;
	fileName: string;
	createdAt: number;
	status: RosterImportRow['status'];
	summary: Record<string, number> | null;
	createdByName: string | null;
}

export async function selectRecentImports(db: Db, limit: number): Promise<ImportListItem[]> {
	return await db
		.select({
			id: rosterImport.id,
			fileName: rosterImport.fileName,
			createdAt: rosterImport.createdAt,
			status: rosterImport.status,
			summary: rosterImport.summary,
			createdByName: staff.name
		})
		.from(rosterImport)
		.leftJoin(staff, eq(rosterImport.createdBy, staff.id))
		.orderBy(desc(rosterImport.id))
		.limit(limit);
}

/** Moves a previewed import on; false when it was not (still) previewed, e.g. a double commit. */
export async function updatePreviewedImport(
	db: Db,
	id: number,
	set: Partial<typeof rosterImport.$inferInsert>
): Promise<boolean> {
	const result = await db
		.update(rosterImport)
		.set(set)
		.where(and(eq(rosterImport.id, id), eq(rosterImport.status, 'previewed')));
	return result.changes === 1;
}

/** Forgets the initial passwords of imports committed at or before `cutoff`; how many it cleared. */
export async function clearInitialPasswordsCommittedBy(db: Db, cutoff: number): Promise<number> {
	return (
		await db
			.update(rosterImport)
			.set({ initialPasswords: null })
			.where(and(isNotNull(rosterImport.initialPasswords), lte(rosterImport.committedAt, cutoff)))
	).changes;
}

/** Clears the initial passwords as they are handed over; false when nothing was left. */
export async function clearInitialPasswords(db: Db, id: number, now: number): Promise<boolean> {
	const result = await db
		.update(rosterImport)
		.set({ initialPasswords: null, passwordsDownloadedAt: now })
		.where(eq(rosterImport.id, id));
	return result.changes === 1;
}
