// Sign-in throttle: CAPTCHA challenges and their answers.
import { and, desc, eq, lte, notInArray } from 'drizzle-orm';
import { first, type Db } from '../../db';
import { loginCaptcha } from '../../db/schema';

export async function insertCaptcha(db: Db, row: typeof loginCaptcha.$inferInsert): Promise<void> {
	await db.insert(loginCaptcha).values(row);
}

/** Takes a challenge out: whoever gets its answer back is the only one who ever will. */
export async function takeCaptcha(
	db: Db,
	id: string
): Promise<{ answer: string; expiresAt: number } | undefined> {
	return await first(db
		.delete(loginCaptcha)
		.where(eq(loginCaptcha.id, id))
		.returning({ answer: loginCaptcha.answer, expiresAt: loginCaptcha.expiresAt }));
}

export async function deleteExpiredCaptchas(db: Db, now: number): Promise<number> {
	return (await db.delete(loginCaptcha).where(lte(loginCaptcha.expiresAt, now))).changes;
}

/** Keeps only an address's `keep` newest open challenges. */
export async function trimCaptchasOfAddress(db: Db, address: string, keep: number): Promise<void> {
	const newest = db
		.select({ id: loginCaptcha.id })
		.from(loginCaptcha)
		.where(eq(loginCaptcha.address, address))
		.orderBy(desc(loginCaptcha.createdAt))
		.limit(keep);
	await db
		.delete(loginCaptcha)
		.where(and(eq(loginCaptcha.address, address), notInArray(loginCaptcha.id, newest)));
}
