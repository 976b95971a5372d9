import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { branch, examDefinition, staff } from '../db/schema';

export function selectSpotExams(db: Db): { id: number; title: string; active: boolean }[] {
	return db
		.select({ id: examDefinition.id, title: examDefinition.title, active: examDefinition.active })
		.from(examDefinition)
		.where(eq(examDefinition.purpose, 'spot'))
		.orderBy(asc(examDefinition.title))
		.all();
}

export function selectActivePositions(db: Db): string[] {
	return db
		.selectDistinct({ position: staff.position })
		.from(staff)
		.where(eq(staff.status, 'active'))
		.orderBy(asc(staff.position))
		.all()
		.map((r) => r.position);
}

export function selectBranchNames(db: Db): Map<number, { code: string; name: string }> {
	const rows = db
		.select({ id: branch.id, code: branch.code, name: branch.name })
		.from(branch)
		.all();
	return new Map(rows.map((r) => [r.id, { code: r.code, name: r.name }]));
}

export function selectExamTitles(db: Db): Map<number, string> {
	const rows = db
		.select({ id: examDefinition.id, title: examDefinition.title })
		.from(examDefinition)
		.all();
	return new Map(rows.map((r) => [r.id, r.title]));
}
