import { eq } from 'drizzle-orm';
import { first, type Db } from '../../db';
import { signInThrottle } from '../../db/schema';

// sign_in_throttle: wrong sign-in codes per person, kept across refusals to limit guessing.

export type SignInThrottle = typeof signInThrottle.$inferSelect;

export async function selectThrottle(db: Db, staffId: number): Promise<SignInThrottle | undefined> {
	return await first(db.select().from(signInThrottle).where(eq(signInThrottle.staffId, staffId)));
}

export async function upsertThrottle(
	db: Db,
	row: typeof signInThrottle.$inferInsert
): Promise<void> {
	await db
		.insert(signInThrottle)
		.values(row)
		.onConflictDoUpdate({
			target: signInThrottle.staffId,
			set: {
				failures: row.failures,
				windowStartedAt: row.windowStartedAt,
				lockedUntil: row.lockedUntil ?? null
			}
		});
}

export async function deleteThrottle(db: Db, staffId: number): Promise<void> {
	await db.delete(signInThrottle).where(eq(signInThrottle.staffId, staffId));
}
