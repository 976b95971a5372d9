// Sign-in throttle: failure counters per account, address and pair.
import { and, eq, lte } from 'drizzle-orm';
import { first, type Db } from '../../db';
import { loginFailure } from '../../db/schema';

export type FailureRow = typeof loginFailure.$inferSelect;

export async function selectFailureCount(
	db: Db,
	account: string,
	address: string
): Promise<FailureRow | undefined> {
	return await first(db
		.select()
		.from(loginFailure)
		.where(and(eq(loginFailure.account, account), eq(loginFailure.address, address))));
}

export async function upsertFailureCount(db: Db, row: FailureRow): Promise<void> {
	const { failures, lastFailureAt, expiresAt } = row;
	await db
		.insert(loginFailure)
		.values(row)
		.onConflictDoUpdate({
			target: [loginFailure.account, loginFailure.address],
			set: { failures, lastFailureAt, expiresAt }
		});
}

export async function deleteFailureCount(db: Db, account: string, address: string): Promise<void> {
	await db
		.delete(loginFailure)
		.where(and(eq(loginFailure.account, account), eq(loginFailure.address, address)));
}

/** Every counter of an account: its own and those of each address it was tried from. */
export async function deleteFailureCountsOfAccount(db: Db, account: string): Promise<void> {
	await db.delete(loginFailure).where(eq(loginFailure.account, account));
}

export async function deleteExpiredFailureCounts(db: Db, now: number): Promise<number> {
	return (await db.delete(loginFailure).where(lte(loginFailure.expiresAt, now))).changes;
}
