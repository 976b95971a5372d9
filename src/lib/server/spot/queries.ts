/** The only file of the spot domain that speaks drizzle. */
import { and, asc, desc, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../db';
import {
	attempt,
	branch,
	examDefinition,
	spotAssignment,
	spotCampaign,
	spotDraw,
	spotEvent,
	staff,
	type SpotAssignment,
	type SpotCampaign
} from '../db/schema';

export type NewCampaign = typeof spotCampaign.$inferInsert;
export type SpotEventRow = typeof spotEvent.$inferSelect;
export type DrawRow = typeof spotDraw.$inferSelect;

export function insertCampaign(db: Db, row: NewCampaign): number {
	return db.insert(spotCampaign).values(row).returning({ id: spotCampaign.id }).get().id;
}

export function selectCampaign(db: Db, id: number): SpotCampaign | undefined {
	return db.select().from(spotCampaign).where(eq(spotCampaign.id, id)).get();
}

export function selectCampaigns(db: Db, fromMonth?: string, toMonth?: string): SpotCampaign[] {
	const where = and(
		fromMonth ? gte(spotCampaign.month, fromMonth) : undefined,
		toMonth ? sql`${spotCampaign.month} <= ${toMonth}` : undefined
	);
	return db
		.select()
		.from(spotCampaign)
		.where(where)
		.orderBy(desc(spotCampaign.month), desc(spotCampaign.id))
		.all();
}

export function selectSpotExams(db: Db): { id: number; title: string; active: boolean }[] {
	return db
		.select({ id: examDefinition.id, title: examDefinition.title, active: examDefinition.active })
		.from(examDefinition)
		.where(eq(examDefinition.purpose, 'spot'))
		.orderBy(asc(examDefinition.title))
		.all();
}

/** Active staff in the given positions and branches (empty list = all). */
export function selectPopulation(
	db: Db,
	positions: string[],
	branchIds: number[]
): { staffId: number; branchId: number }[] {
	return db
		.select({ staffId: staff.id, branchId: staff.branchId })
		.from(staff)
		.where(
			and(
				eq(staff.status, 'active'),
				positions.length > 0 ? inArray(staff.position, positions) : undefined,
				branchIds.length > 0 ? inArray(staff.branchId, branchIds) : undefined
			)
		)
		.all();
}

export function selectActivePositions(db: Db): string[] {
	return db
		.selectDistinct({ position: staff.position })
		.from(staff)
		.where(eq(staff.status, 'active'))
		.orderBy(asc(staff.position))
		.all()
		.map((r) => r.position);
}

/**
 * The last month each person sat a spot exam before `month`: an assignment of a live draw of an
 * earlier campaign, with an attempt submitted inside that campaign's window.
 */
export function selectLastSpotMonths(db: Db, month: string): Map<number, string> {
	const rows = db
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
		.groupBy(spotAssignment.staffId)
		.all();
	return new Map(rows.map((r) => [r.staffId, r.month]));
}

export function selectLiveDraw(db: Db, campaignId: number): DrawRow | undefined {
	return db
		.select()
		.from(spotDraw)
		.where(and(eq(spotDraw.campaignId, campaignId), isNull(spotDraw.voidedAt)))
		.get();
}

export function insertDraw(db: Db, row: typeof spotDraw.$inferInsert): number {
	return db.insert(spotDraw).values(row).returning({ id: spotDraw.id }).get().id;
}

export function voidDraw(db: Db, drawId: number, by: number, at: number, reason: string): void {
	db.update(spotDraw)
		.set({ voidedAt: at, voidedBy: by, voidReason: reason })
		.where(eq(spotDraw.id, drawId))
		.run();
}

export function insertAssignments(db: Db, rows: (typeof spotAssignment.$inferInsert)[]): void {
	for (let i = 0; i < rows.length; i += 200) {
		db.insert(spotAssignment)
			.values(rows.slice(i, i + 200))
			.run();
	}
}

export type AssignmentRow = SpotAssignment & {
	name: string;
	employeeNo: string;
	branchName: string;
	branchCode: string;
};

export function selectAssignments(db: Db, drawId: number): AssignmentRow[] {
	return db
		.select({
			id: spotAssignment.id,
			drawId: spotAssignment.drawId,
			staffId: spotAssignment.staffId,
			branchId: spotAssignment.branchId,
			role: spotAssignment.role,
			rank: spotAssignment.rank,
			name: staff.name,
			employeeNo: staff.employeeNo,
			branchName: branch.name,
			branchCode: branch.code
		})
		.from(spotAssignment)
		.innerJoin(staff, eq(staff.id, spotAssignment.staffId))
		.innerJoin(branch, eq(branch.id, spotAssignment.branchId))
		.where(eq(spotAssignment.drawId, drawId))
		.orderBy(asc(branch.code), asc(spotAssignment.role), asc(spotAssignment.rank))
		.all();
}

export function selectEvents(db: Db, drawId: number): SpotEventRow[] {
	return db
		.select({ e: spotEvent })
		.from(spotEvent)
		.innerJoin(spotAssignment, eq(spotAssignment.id, spotEvent.assignmentId))
		.where(eq(spotAssignment.drawId, drawId))
		.orderBy(asc(spotEvent.id))
		.all()
		.map((r) => r.e);
}

export function insertEvent(db: Db, row: typeof spotEvent.$inferInsert): void {
	db.insert(spotEvent).values(row).run();
}

export interface WindowAttempt {
	id: number;
	staffId: number;
	status: 'open' | 'submitted';
	passed: boolean | null;
	percent: number | null;
	startedAt: number;
}

/** Attempts at the exam started inside the window, oldest first. */
export function selectWindowAttempts(
	db: Db,
	examId: number,
	opensAt: number,
	closesAt: number,
	staffIds?: number[]
): WindowAttempt[] {
	return db
		.select({
			id: attempt.id,
			staffId: attempt.staffId,
			status: attempt.status,
			passed: attempt.passed,
			percent: attempt.percent,
			startedAt: attempt.startedAt
		})
		.from(attempt)
		.where(
			and(
				eq(attempt.examId, examId),
				gte(attempt.startedAt, opensAt),
				lt(attempt.startedAt, closesAt),
				staffIds ? inArray(attempt.staffId, staffIds) : undefined
			)
		)
		.orderBy(asc(attempt.startedAt), asc(attempt.id))
		.all();
}

/** Campaigns whose live draw includes this person (drawn or alternate), newest first. */
export function selectMyCampaignIds(db: Db, staffId: number): number[] {
	return db
		.select({ id: spotDraw.campaignId })
		.from(spotAssignment)
		.innerJoin(spotDraw, eq(spotDraw.id, spotAssignment.drawId))
		.where(and(eq(spotAssignment.staffId, staffId), isNull(spotDraw.voidedAt)))
		.orderBy(desc(spotDraw.campaignId))
		.all()
		.map((r) => r.id);
}

export function selectBranchNames(db: Db): Map<number, { code: string; name: string }> {
	const rows = db
		.select({ id: branch.id, code: branch.code, name: branch.name })
		.from(branch)
		.all();
	return new Map(rows.map((r) => [r.id, { code: r.code, name: r.name }]));
}

export function selectExamTitles(db: Db): Map<number, string> {
	const rows = db
		.select({ id: examDefinition.id, title: examDefinition.title })
		.from(examDefinition)
		.all();
	return new Map(rows.map((r) => [r.id, r.title]));
}
