import { and, asc, countDistinct, eq, gt, gte, inArray, lt, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db';
import {
	branch,
	classSession,
	course,
	courseModule,
	sessionAttendance,
	sessionEnrolment,
	staff,
	staffRole,
	type Course
} from '../db/schema';
import type { StaffStatus } from '../../org/enums';

// Read-only lookups for pages and reports; the write path lives in queries.ts.

export interface StaffOption {
	id: number;
	employeeNo: string;
	name: string;
}

export async function selectTrainers(db: Db): Promise<StaffOption[]> {
	return await db
		.select({ id: staff.id, employeeNo: staff.employeeNo, name: staff.name })
		.from(staff)
		.innerJoin(staffRole, eq(staffRole.staffId, staff.id))
		.where(and(eq(staffRole.role, 'trainer'), ne(staff.status, 'left')))
		.orderBy(asc(staff.employeeNo))
		.all();
}

export async function selectBranchOptions(
	db: Db
): Promise<{ id: number; code: string; name: string }[]> {
	return await db
		.select({ id: branch.id, code: branch.code, name: branch.name })
		.from(branch)
		.orderBy(asc(branch.code))
		.all();
}

export async function selectCurrentPositions(db: Db): Promise<string[]> {
	return (
		await db
			.selectDistinct({ position: staff.position })
			.from(staff)
			.where(ne(staff.status, 'left'))
			.orderBy(asc(staff.position))
			.all()
	).map((r) => r.position);
}

/** Module titles of a course version, in order: the demo names its sessions after them. */
export async function selectModuleTitles(db: Db, versionId: number): Promise<string[]> {
	return (
		await db
			.select({ title: courseModule.title })
			.from(courseModule)
			.where(eq(courseModule.courseVersionId, versionId))
			.orderBy(asc(courseModule.position))
			.all()
	).map((r) => r.title);
}

export interface CurrentStaff {
	id: number;
	employeeNo: string;
	branchCode: string;
	hireDate: string | null;
}

/** Everyone not left, by branch code and employee number. */
export async function selectCurrentStaff(db: Db): Promise<CurrentStaff[]> {
	return await db
		.select({
			id: staff.id,
			employeeNo: staff.employeeNo,
			branchCode: branch.code,
			hireDate: staff.hireDate
		})
		.from(staff)
		.innerJoin(branch, eq(staff.branchId, branch.id))
		.where(ne(staff.status, 'left'))
		.orderBy(asc(branch.code), asc(staff.employeeNo))
		.all();
}

/** Every session a person is enrolled in, with whether they attended. */
export interface StaffSessionRow {
	id: number;
	title: string;
	courseTitle: string;
	startsAt: number;
	endsAt: number;
	place: string;
	classHours: number;
	status: 'scheduled' | 'cancelled';
	trainerName: string;
	attendedAt: number | null;
}

export async function selectSessionsOfStaff(
	db: Db,
	staffId: number,
	endedAfter?: number
): Promise<StaffSessionRow[]> {
	const where: SQL[] = [eq(sessionEnrolment.staffId, staffId)];
	if (endedAfter !== undefined) {
		where.push(gt(classSession.endsAt, endedAfter), eq(classSession.status, 'scheduled'));
	}
	return await db
		.select({
			id: classSession.id,
			title: classSession.title,
			courseTitle: course.title,
			startsAt: classSession.startsAt,
			endsAt: classSession.endsAt,
			place: classSession.place,
			classHours: classSession.classHours,
			status: classSession.status,
			trainerName: staff.name,
			attendedAt: sessionAttendance.recordedAt
		})
		.from(sessionEnrolment)
		.innerJoin(classSession, eq(sessionEnrolment.sessionId, classSession.id))
		.innerJoin(course, eq(classSession.courseId, course.id))
		.innerJoin(staff, eq(classSession.trainerId, staff.id))
		.leftJoin(
			sessionAttendance,
			and(
				eq(sessionAttendance.sessionId, classSession.id),
				eq(sessionAttendance.staffId, sessionEnrolment.staffId)
			)
		)
		.where(and(...where))
		.orderBy(asc(classSession.startsAt))
		.all();
}

export interface PersonTimeCount {
	/** Attendance rows: one per person per session (人次). */
	personTimes: number;
	/** Sessions with at least one person present. */
	sessions: number;
	/** Different people present at least once. */
	people: number;
}

/**
 * Attendance of sessions starting in [fromMs, toMs), optionally of the staff of one branch and/or
 * (current) position; a session then counts when at least one such person was present.
 */
export async function countAttendance(
	db: Db,
	fromMs: number,
	toMs: number,
	group: { branchId?: number; position?: string } = {}
): Promise<PersonTimeCount> {
	const where: SQL[] = [gte(classSession.startsAt, fromMs), lt(classSession.startsAt, toMs)];
	if (group.branchId !== undefined) where.push(eq(staff.branchId, group.branchId));
	if (group.position !== undefined) where.push(eq(staff.position, group.position));
	const row = await db
		.select({
			personTimes: sql<number>`count(*)`,
			sessions: countDistinct(sessionAttendance.sessionId),
			people: countDistinct(sessionAttendance.staffId)
		})
		.from(sessionAttendance)
		.innerJoin(classSession, eq(sessionAttendance.sessionId, classSession.id))
		.innerJoin(staff, eq(sessionAttendance.staffId, staff.id))
		.where(and(...where))
		.get();
	return {
		personTimes: row?.personTimes ?? 0,
		sessions: row?.sessions ?? 0,
		people: row?.people ?? 0
	};
}

export async function selectStaffByNumbers(
	db: Db,
	numbers: string[]
): Promise<{ id: number; employeeNo: string; status: StaffStatus }[]> {
	if (numbers.length === 0) return [];
	return await db
		.select({ id: staff.id, employeeNo: staff.employeeNo, status: staff.status })
		.from(staff)
		.where(inArray(staff.employeeNo, numbers))
		.all();
}

/** Current staff (active or onboarding) of a branch and/or position. */
export async function selectGroupStaffIds(
	db: Db,
	group: { branchId?: number; position?: string }
): Promise<number[]> {
	const where: SQL[] = [ne(staff.status, 'left')];
	if (group.branchId !== undefined) where.push(eq(staff.branchId, group.branchId));
	if (group.position !== undefined) where.push(eq(staff.position, group.position));
	return (
		await db
			.select({ id: staff.id })
			.from(staff)
			.where(and(...where))
			.orderBy(asc(staff.employeeNo))
			.all()
	).map((r) => r.id);
}

export async function selectCentralizedCourses(db: Db): Promise<{ id: number; title: string }[]> {
	return await db
		.select({ id: course.id, title: course.title })
		.from(course)
		.where(and(eq(course.kind, 'centralized'), eq(course.retired, false)))
		.orderBy(asc(course.position))
		.all();
}

export async function selectCourseById(db: Db, id: number): Promise<Course | undefined> {
	return await db.select().from(course).where(eq(course.id, id)).get();
}
