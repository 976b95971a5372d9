// Branches as an import reads and creates them.
import { asc, eq } from 'drizzle-orm';
import { first, inserted, type Db } from '../../db';
import { branch } from '../../db/schema';
import type { BranchType } from '../../../org/enums';
import type { ExistingBranch } from '../plan';

export async function selectBranches(db: Db): Promise<ExistingBranch[]> {
	return await db
		.select({ id: branch.id, code: branch.code, name: branch.name, type: branch.type })
		.from(branch);
}

export async function selectHeadOfficeId(db: Db): Promise<number | null> {
	const row = await first(db
		.select({ id: branch.id })
		.from(branch)
		.where(eq(branch.type, 'head_office'))
		.orderBy(asc(branch.id)));
	return row?.id ?? null;
}

export async function insertBranch(
	db: Db,
	row: { code: string; name: string; type: BranchType; parentId: number | null; createdAt: number }
): Promise<number> {
	return (await inserted(db.insert(branch).values(row).returning({ id: branch.id }))).id;
}
