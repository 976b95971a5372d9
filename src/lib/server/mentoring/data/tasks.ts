import { and, asc, eq, inArray, max } from 'drizzle-orm';
import { first, type Db } from '../../db';
import { practicumTask } from '../../db/schema';

// practicum_task: the checklist HR configures per position (and the positions to offer it for).

export type PracticumTaskRow = typeof practicumTask.$inferSelect;

export async function selectTaskRows(
	db: Db,
	positions?: string[]
): Promise<PracticumTaskRow[]> {
	const query = db.select().from(practicumTask);
	const scoped = positions ? query.where(inArray(practicumTask.position, positions)) : query;
	return await scoped.orderBy(asc(practicumTask.position), asc(practicumTask.sortOrder));
}

export async function insertTasks(
	db: Db,
	rows: (typeof practicumTask.$inferInsert)[]
): Promise<void> {
	if (rows.length > 0) await db.insert(practicumTask).values(rows);
}

export async function maxTaskSortOrder(db: Db, position: string): Promise<number> {
	return (
		(
			await first(db
				.select({ n: max(practicumTask.sortOrder) })
				.from(practicumTask)
				.where(eq(practicumTask.position, position)))
		)?.n ?? 0
	);
}

export async function setTaskRetired(
	db: Db,
	position: string,
	code: string,
	retired: boolean
): Promise<boolean> {
	return (
		(
			await db
				.update(practicumTask)
				.set({ retired })
				.where(and(eq(practicumTask.position, position), eq(practicumTask.code, code)))
		).changes === 1
	);
}

