/** Reads of the exams' tables the spot pages need: spot exams and exam titles. */
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { examDefinition } from '../../db/schema';

export async function selectSpotExams(
	db: Db
): Promise<{ id: number; title: string; active: boolean }[]> {
	return await db
		.select({ id: examDefinition.id, title: examDefinition.title, active: examDefinition.active })
		.from(examDefinition)
		.where(eq(examDefinition.purpose, 'spot'))
		.orderBy(asc(examDefinition.title));
}

export async function selectExamTitles(db: Db): Promise<Map<number, string>> {
	const rows = await db
		.select({ id: examDefinition.id, title: examDefinition.title })
		.from(examDefinition);
	return new Map(rows.map((r) => [r.id, r.title]));
}
