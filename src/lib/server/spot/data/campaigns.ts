/** Campaigns and their draws. */
import { and, desc, eq, gte, isNull, lt, sql } from 'drizzle-orm';
import { first, inserted, type Db, type Tx } from '../../db';
import {
	attempt,
	spotAssignment,
	spotCampaign,
	spotDraw,
	type SpotCampaign
} from '../../db/schema';

export type NewCampaign = typeof spotCampaign.$inferInsert;
export type DrawRow = typeof spotDraw.$inferSelect;

export async function insertCampaign(db: Db, row: NewCampaign): Promise<number> {
	return (await inserted(db.insert(spotCampaign).values(row).returning({ id: spotCampaign.id }))).id;
}

export async function selectCampaign(db: Db, id: number): Promise<SpotCampaign | undefined> {
	return await first(db.select().from(spotCampaign).where(eq(spotCampaign.id, id)));
}

export async function selectCampaigns(
	db: Db,
	fromMonth?: string,
	toMonth?: string
): Promise<SpotCampaign[]> {
	const where = and(
		fromMonth ? gte(spotCampaign.month, fromMonth) : undefined,
		toMonth ? sql`${spotCampaign.month} <= ${toMonth}` : undefined
	);
	return await db
		.select()
		.from(spotCampaign)
		.where(where)
		.orderBy(desc(spotCampaign.month), desc(spotCampaign.id));
}

/**
 * The last month each person sat a spot exam before `month`: an assignment of a live draw of an
 * earlier campaign, with an attempt submitted inside that campaign's window.
 */
export async function selectLastSpotMonths(db: Db, month: string): Promise<Map<number, string>> {
	const rows = await db
		.select({ staffId: spotAssignment.staffId, month: sql<string>`max(${spotCampaign.month})` })
		.from(spotAssignment)
		.innerJoin(spotDraw, eq(spotDraw.id, spotAssignment.drawId))
		.innerJoin(spotCampaign, eq(spotCampaign.id, spotDraw.campaignId))
		.innerJoin(
			attempt,
			and(
				eq(attempt.examId, spotCampaign.examId),
				eq(attempt.staffId, spotAssignment.staffId),
				eq(attempt.status, 'submitted'),
				gte(attempt.startedAt, spotCampaign.windowOpensAt),
				lt(attempt.startedAt, spotCampaign.windowClosesAt)
			)
		)
		.where(and(isNull(spotDraw.voidedAt), lt(spotCampaign.month, month)))
		.groupBy(spotAssignment.staffId);
	return new Map(rows.map((r) => [r.staffId, r.month]));
}

export async function selectLiveDraw(db: Db, campaignId: number): Promise<DrawRow | undefined> {
	return await first(db
		.select()
		.from(spotDraw)
		.where(and(eq(spotDraw.campaignId, campaignId), isNull(spotDraw.voidedAt))));
}

export async function insertDraw(db: Db, row: typeof spotDraw.$inferInsert): Promise<number> {
	return (await inserted(db.insert(spotDraw).values(row).returning({ id: spotDraw.id }))).id;
}

export async function voidDraw(
	db: Db,
	drawId: number,
	by: number,
	at: number,
	reason: string
): Promise<void> {
	await db
		.update(spotDraw)
		.set({ voidedAt: at, voidedBy: by, voidReason: reason })
		.where(eq(spotDraw.id, drawId));
}

/** Stores a draw's list; each row records the person's position now (branch_id is theirs now). */
export async function insertAssignments(
	db: Db,
	rows: (typeof spotAssignment.$inferInsert)[]
): Promise<void> {
	for (let i = 0; i < rows.length; i += 200) {
		await db
			.insert(spotAssignment)
			.values(
				rows.slice(i, i + 200).map((r) => ({
					position: sql<string>`(select position from staff where id = ${r.staffId})`,
					...r
				}))
			);
	}
}

/** Campaigns whose live draw includes this person (drawn or alternate), newest first. */
export async function selectMyCampaignIds(db: Db, staffId: number): Promise<number[]> {
	return (
		await db
			.select({ id: spotDraw.campaignId })
			.from(spotAssignment)
			.innerJoin(spotDraw, eq(spotDraw.id, spotAssignment.drawId))
			.where(and(eq(spotAssignment.staffId, staffId), isNull(spotDraw.voidedAt)))
			.orderBy(desc(spotDraw.campaignId))
	).map((r) => r.id);
}

/**
 * Takes the campaign's row lock for the rest of `tx` (a no-op update): two HR clicks on two app
 * nodes then draw one after the other, and the second finds the first's draw. SQLite's single
 * writer already does this.
 */
export async function lockCampaign(tx: Tx, campaignId: number): Promise<void> {
	await tx
		.update(spotCampaign)
		.set({ id: sql`${spotCampaign.id}` })
		.where(eq(spotCampaign.id, campaignId));
}
