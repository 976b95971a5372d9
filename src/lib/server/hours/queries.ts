import { aliasedTable, and, asc, between, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { branch, hourEntry, hourRequirement, staff, type HourEntry } from '../db/schema';
import type { HourKind } from '../db/schema/courses';

export type NewHourEntry = typeof hourEntry.$inferInsert;

/** Inserts unless the same lesson/session already credited this person; null when it had. */
export function insertEntryOnce(db: Db, row: NewHourEntry): HourEntry | null {
	return db.insert(hourEntry).values(row).onConflictDoNothing().returning().get() ?? null;
}

export function insertEntry(db: Db, row: NewHourEntry): HourEntry {
	return db.insert(hourEntry).values(row).returning().get();
}

export function selectEntry(db: Db, id: number): HourEntry | undefined {
	return db.select().from(hourEntry).where(eq(hourEntry.id, id)).get();
}

/** The sum of every correction appended to one entry (0 when none). */
export function sumCorrectionsOf(db: Db, entryId: number): number {
	const row = db
		.select({ hours: sql<number>`coalesce(sum(${hourEntry.hours}), 0)` })
		.from(hourEntry)
		.where(eq(hourEntry.correctsEntryId, entryId))
		.get();
	return row?.hours ?? 0;
}

export function selectEntriesOfStaff(
	db: Db,
	staffId: number,
	from: string,
	to: string
): HourEntry[] {
	return db
		.select()
		.from(hourEntry)
		.where(and(eq(hourEntry.staffId, staffId), between(hourEntry.earnedOn, from, to)))
		.orderBy(desc(hourEntry.earnedOn), desc(hourEntry.id))
		.all();
}

const recorder = aliasedTable(staff, 'recorder');

/** A person's ledger for a range of days, newest first, with who recorded each entry. */
export function selectLedger(db: Db, staffId: number, from: string, to: string) {
	return db
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

export function sumByStaffAndKind(
	db: Db,
	from: string,
	to: string,
	staffIds?: number[]
): KindTotal[] {
	const range = between(hourEntry.earnedOn, from, to);
	return db
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

export function selectRequirements(db: Db) {
	return db.select().from(hourRequirement).orderBy(asc(hourRequirement.position)).all();
}

export function upsertRequirement(db: Db, row: typeof hourRequirement.$inferInsert): void {
	db.insert(hourRequirement)
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
export function selectStaffForHours(db: Db, branchIds: number[] | null) {
	const current = inArray(staff.status, ['active', 'onboarding']);
	return db
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
export function selectPersonByEmployeeNo(db: Db, employeeNo: string) {
	return db
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
export function selectPositionsInUse(db: Db): string[] {
	return db
		.selectDistinct({ position: staff.position })
		.from(staff)
		.where(inArray(staff.status, ['active', 'onboarding']))
		.orderBy(asc(staff.position))
		.all()
		.map((r) => r.position);
}
