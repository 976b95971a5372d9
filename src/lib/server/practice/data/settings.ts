// practice_setting: the office's practice settings, one row (id 1).
import { eq } from 'drizzle-orm';
import { first, type Db } from '../../db';
import { practiceSetting } from '../../db/schema';

export async function selectMasteryThreshold(db: Db): Promise<number | null> {
	const found = await first(db
		.select({ n: practiceSetting.masteryThreshold })
		.from(practiceSetting)
		.where(eq(practiceSetting.id, 1)));
	return found?.n ?? null;
}

export async function upsertMasteryThreshold(
	db: Db,
	row: { masteryThreshold: number; updatedBy: number | null; updatedAt: number }
): Promise<void> {
	await db
		.insert(practiceSetting)
		.values({ id: 1, ...row })
		.onConflictDoUpdate({ target: practiceSetting.id, set: row });
}
