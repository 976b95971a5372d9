/** Reads of other domains' tables the spot pages need: spot exams, positions, branch names, exam titles. */
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { branch, examDefinition, staff } from '../../db/schema';

export async function selectSpotExams(
	db: Db
): Promise<{ id: number; title: string; active: boolean }[]> {
	return await db
		.select({ id: examDefinition.id, title: examDefinition.title, active: examDefinition.active })
		.from(examDefinition)
		.where(eq(examDefinition.purpose, 'spot'))
		.orderBy(asc(examDefinition.title))
		.all();
}

export async function selectActivePositions(db: Db): Promise<string[]> {
	return (
		await db
			.selectDistinct({ position: staff.position })
			.from(staff)
			.where(eq(staff.status, 'active'))
			.orderBy(asc(staff.position))
			.all()
	).map((r) => r.position);
}

export async function selectBranchNames(
	db: Db
): Promise<Map<number, { code: string; name: string }>> {
	const rows = await db
		.select({ id: branch.id, code: branch.code, name: branch.name })
		.from(branch)
		.all();
	return new Map(rows.map((r) => [r.id, { code: r.code, name: r.name }]));
}

export async function selectExamTitles(db: Db): Promise<Map<number, string>> {
	const rows = await db
		.select({ id: examDefinition.id, title: examDefinition.title })
		.from(examDefinition)
		.all();
	return new Map(rows.map((r) => [r.id, r.title]));
}
