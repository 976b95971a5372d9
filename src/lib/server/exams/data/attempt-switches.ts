// attempt_switch: each time a formal exam's page lost focus, visibility or full screen (切屏).
import { asc, eq, sql } from 'drizzle-orm';
import { first, type Db } from '../../db';
import { attemptSwitch, type AttemptSwitch } from '../../db/schema';

/** Records a switch once per client event id; false when that event was already recorded. */
export async function insertSwitchOnce(
	db: Db,
	row: typeof attemptSwitch.$inferInsert
): Promise<boolean> {
	const inserted = await first(db
		.insert(attemptSwitch)
		.values(row)
		.onConflictDoNothing()
		.returning({ id: attemptSwitch.id }));
	return inserted !== undefined;
}

export async function countSwitches(db: Db, attemptId: number): Promise<number> {
	return (
		(
			await first(db
				.select({ n: sql<number>`count(*)` })
				.from(attemptSwitch)
				.where(eq(attemptSwitch.attemptId, attemptId)))
		)?.n ?? 0
	);
}

export async function selectSwitches(db: Db, attemptId: number): Promise<AttemptSwitch[]> {
	return await db
		.select()
		.from(attemptSwitch)
		.where(eq(attemptSwitch.attemptId, attemptId))
		.orderBy(asc(attemptSwitch.id));
}
