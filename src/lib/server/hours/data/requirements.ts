import { asc } from 'drizzle-orm';
import type { Db } from '../../db';
import { hourRequirement } from '../../db/schema';

// hour_requirement: the yearly class hours each position owes.

export type RequirementRecord = typeof hourRequirement.$inferSelect;

export async function selectRequirements(db: Db): Promise<RequirementRecord[]> {
	return await db.select().from(hourRequirement).orderBy(asc(hourRequirement.position));
}

export async function upsertRequirement(
	db: Db,
	row: typeof hourRequirement.$inferInsert
): Promise<void> {
	await db
		.insert(hourRequirement)
		.values(row)
		.onConflictDoUpdate({
			target: hourRequirement.position,
			set: {
				remote: row.remote,
				centralized: row.centralized,
				updatedBy: row.updatedBy,
				updatedAt: row.updatedAt
			}
		});
}
