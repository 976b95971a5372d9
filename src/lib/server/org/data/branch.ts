// Branches: the office's head office and its outlets.
import { asc, eq, inArray } from 'drizzle-orm';
import { first, type Db } from '../../db';
import { branch, type Branch } from '../../db/schema';

export async function selectBranches(db: Db, branchIds: number[] | null): Promise<Branch[]> {
	const query = db.select().from(branch);
	const scoped = branchIds ? query.where(inArray(branch.id, branchIds)) : query;
	return await scoped.orderBy(asc(branch.code));
}

export async function selectBranchByCode(db: Db, code: string): Promise<Branch | undefined> {
	return await first(db.select().from(branch).where(eq(branch.code, code)));
}

export async function selectBranchById(db: Db, id: number): Promise<Branch | undefined> {
	return await first(db.select().from(branch).where(eq(branch.id, id)));
}
