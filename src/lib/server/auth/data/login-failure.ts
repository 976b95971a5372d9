// Sign-in throttle: failure counters per account, address and pair.
import { and, eq, lte } from 'drizzle-orm';
import type { Db } from '../../db';
import { loginFailure } from '../../db/schema';

export type FailureRow = typeof loginFailure.$inferSelect;

export async function selectFailureCount(
	db: Db,
	account: string,
	address: string
): Promise<FailureRow | undefined> {
	return await db
		.select()
		.from(loginFailure)
		.where(and(eq(loginFailure.account, account), eq(loginFailure.address, address)))
		.get();
}

export async function upsertFailureCount(db: Db, row: FailureRow): Promise<void> {
	const { failures, lastFailureAt, expiresAt } = row;
	await db
		.insert(loginFailure)
		.values(row)
		.onConflictDoUpdate({
			target: [loginFailure.account, loginFailure.address],
			set: { failures, lastFailureAt, expiresAt }
		})
		.run();
}

export async function deleteFailureCount(db: Db, account: string, address: string): Promise<void> {
	await db
		.delete(loginFailure)
		.where(and(eq(loginFailure.account, account), eq(loginFailure.address, address)))
		.run();
}

/** Every counter of an account: its own and those of each address it was tried from. */
export async function deleteFailureCountsOfAccount(db: Db, account: string): Promise<void> {
	await db.delete(loginFailure).where(eq(loginFailure.account, account)).run();
}

export async function deleteExpiredFailureCounts(db: Db, now: number): Promise<number> {
	return (await db.delete(loginFailure).where(lte(loginFailure.expiresAt, now)).run()).changes;
}
