import { aliasedTable, and, asc, between, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { branch, hourEntry, hourRequirement, staff, type HourEntry } from '../db/schema';
import type { HourKind } from '../../hours/enums';

export type NewHourEntry = typeof hourEntry.$inferInsert;

/** Inserts unless the same lesson/session already credited this person; null when it had. */
export async function insertEntryOnce(db: Db, row: NewHourEntry): Promise<HourEntry | null> {
	return (await db.insert(hourEntry).values(row).onConflictDoNothing().returning().get()) ?? null;
}

export async function insertEntry(db: Db, row: NewHourEntry): Promise<HourEntry> {
	return await db.insert(hourEntry).values(row).returning().get();
}

export async function selectEntry(db: Db, id: number): Promise<HourEntry | undefined> {
	return await db.select().from(hourEntry).where(eq(hourEntry.id, id)).get();
}

/** The sum of every correction appended to one entry (0 when none). */
export async function sumCorrectionsOf(db: Db, entryId: number): Promise<number> {
	const row = await db
		.select({ hours: sql<number>`coalesce(sum(${hourEntry.hours}), 0)` })
		.from(hourEntry)
		.where(eq(hourEntry.correctsEntryId, entryId))
		.get();
	return row?.hours ?? 0;
}

export async function selectEntriesOfStaff(
	db: Db,
	staffId: number,
	from: string,
	to: string
): Promise<HourEntry[]> {
	return await db
		.select()
		.from(hourEntry)
		.where(and(eq(hourEntry.staffId, staffId), between(hourEntry.earnedOn, from, to)))
		.orderBy(desc(hourEntry.earnedOn), desc(hourEntry.id))
		.all();
}

const recorder = aliasedTable(staff, 'recorder');

/** A person's ledger for a range of days, newest first, with who recorded each entry. */
export async function selectLedger(db: Db, staffId: number, from: string, to: string) {
	return await db
		.select({ entry: hourEntry, recordedByName: recorder.name })
		.from(hourEntry)
		.leftJoin(recorder, eq(hourEntry.recordedBy, recorder.id))
		.where(and(eq(hourEntry.staffId, staffId), between(hourEntry.earnedOn, from, to)))
		.orderBy(desc(hourEntry.earnedOn), desc(hourEntry.id))
		.all();
}

export interface KindTotal {
	staffId: number;
	kind: HourKind;
	hours: number;
}

export async function sumByStaffAndKind(
	db: Db,
	from: string,
	to: string,
	staffIds?: number[]
): Promise<KindTotal[]> {
	const range = between(hourEntry.earnedOn, from, to);
	return await db
		.select({
			staffId: hourEntry.staffId,
			kind: hourEntry.kind,
			hours: sql<number>`coalesce(sum(${hourEntry.hours}), 0)`
		})
		.from(hourEntry)
		.where(staffIds ? and(range, inArray(hourEntry.staffId, staffIds)) : range)
		.groupBy(hourEntry.staffId, hourEntry.kind)
		.all();
}

export async function selectRequirements(db: Db) {
	return await db.select().from(hourRequirement).orderBy(asc(hourRequirement.position)).all();
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
		})
		.run();
}

/** Staff who owe hours (not left), optionally within some branches. */
export async function selectStaffForHours(db: Db, branchIds: number[] | null) {
	const current = inArray(staff.status, ['active', 'onboarding']);
	return await db
		.select({
			id: staff.id,
			employeeNo: staff.employeeNo,
			name: staff.name,
			position: staff.position,
			status: staff.status,
			hireDate: staff.hireDate,
			branchId: staff.branchId,
			branchCode: branch.code,
			branchName: branch.name
		})
		.from(staff)
		.innerJoin(branch, eq(staff.branchId, branch.id))
		.where(branchIds ? and(current, inArray(staff.branchId, branchIds)) : current)
		.orderBy(asc(branch.code), asc(staff.employeeNo))
		.all();
}

/** One person with their branch, for the pages about their hours. */
export async function selectPersonByEmployeeNo(db: Db, employeeNo: string) {
	return await db
		.select({
			id: staff.id,
			employeeNo: staff.employeeNo,
			name: staff.name,
			position: staff.position,
			status: staff.status,
			branchId: staff.branchId,
			branchCode: branch.code,
			branchName: branch.name
		})
		.from(staff)
		.innerJoin(branch, eq(staff.branchId, branch.id))
		.where(eq(staff.employeeNo, employeeNo))
		.get();
}

/** The positions staff hold today, for choosing which one a requirement applies to. */
export async function selectPositionsInUse(db: Db): Promise<string[]> {
	return (
		await db
			.selectDistinct({ position: staff.position })
			.from(staff)
			.where(inArray(staff.status, ['active', 'onboarding']))
			.orderBy(asc(staff.position))
			.all()
	).map((r) => r.position);
}
