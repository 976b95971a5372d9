import { and, asc, desc, eq, gte, inArray, lte, notInArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db';
import {
	courseVersion,
	lesson,
	lessonCompletion,
	onboardingPlan,
	practicumDay,
	practicumSignature,
	staff,
	staffRole,
	branch,
	course,
	type OnboardingPlan
} from '../db/schema';

export function selectOpenPlanOfStaff(db: Db, staffId: number) {
	return db
		.select()
		.from(onboardingPlan)
		.where(and(eq(onboardingPlan.staffId, staffId), eq(onboardingPlan.status, 'open')))
		.get();
}

/** Class hours of the seat course's current lessons that the person has completed. */
export function sumSeatHoursCompleted(db: Db, staffId: number, seatCourseId: number): number {
	const row = db
		.select({ hours: sql<number>`coalesce(sum(${lesson.classHours}), 0)` })
		.from(lessonCompletion)
		.innerJoin(course, eq(course.id, lessonCompletion.courseId))
		.innerJoin(courseVersion, eq(courseVersion.id, course.currentVersionId))
		.innerJoin(
			lesson,
			and(
				eq(lesson.courseVersionId, courseVersion.id),
				eq(lesson.lessonKey, lessonCompletion.lessonKey)
			)
		)
		.where(and(eq(lessonCompletion.staffId, staffId), eq(lessonCompletion.courseId, seatCourseId)))
		.get();
	return row?.hours ?? 0;
}

/** The plan's practicum days as they stand: rows no later correction has replaced. */
export function selectCurrentDays(db: Db, planId: number) {
	const superseded = db
		.select({ id: practicumDay.supersedesId })
		.from(practicumDay)
		.where(and(eq(practicumDay.planId, planId), sql`${practicumDay.supersedesId} is not null`));
	return db
		.select()
		.from(practicumDay)
		.where(and(eq(practicumDay.planId, planId), notInArray(practicumDay.id, superseded)))
		.orderBy(practicumDay.dayNumber)
		.all();
}

export function selectSignatures(db: Db, dayIds: number[]) {
	if (dayIds.length === 0) return [];
	return db
		.select()
		.from(practicumSignature)
		.where(inArray(practicumSignature.dayId, dayIds))
		.all();
}

export function markPlanCleared(
	db: Db,
	planId: number,
	clearedOn: string,
	clearedAt: number
): boolean {
	return (
		db
			.update(onboardingPlan)
			.set({ status: 'cleared', clearedOn, clearedAt })
			.where(and(eq(onboardingPlan.id, planId), eq(onboardingPlan.status, 'open')))
			.run().changes === 1
	);
}

/** Calls off an open plan; false when it was no longer open (cleared or cancelled meanwhile). */
export function markPlanCancelled(
	db: Db,
	planId: number,
	by: { cancelledAt: number; cancelledBy: number; cancelReason: string }
): boolean {
	return (
		db
			.update(onboardingPlan)
			.set({ status: 'cancelled', ...by })
			.where(and(eq(onboardingPlan.id, planId), eq(onboardingPlan.status, 'open')))
			.run().changes === 1
	);
}

export function activateStaff(db: Db, staffId: number, now: number): void {
	db.update(staff)
		.set({ status: 'active', updatedAt: now })
		.where(and(eq(staff.id, staffId), eq(staff.status, 'onboarding')))
		.run();
}

/** The seat course: the onboarding-kind course offered now (the first, if content has several). */
export function selectSeatCourse(db: Db) {
	return db
		.select()
		.from(course)
		.where(and(eq(course.kind, 'onboarding'), eq(course.retired, false)))
		.orderBy(asc(course.position))
		.get();
}

export function selectCourseSlug(db: Db, courseId: number): string | null {
	return (
		db.select({ slug: course.slug }).from(course).where(eq(course.id, courseId)).get()?.slug ?? null
	);
}

export function insertPlan(db: Db, row: typeof onboardingPlan.$inferInsert): OnboardingPlan {
	return db.insert(onboardingPlan).values(row).returning().get();
}

export function selectPlanById(db: Db, id: number): OnboardingPlan | undefined {
	return db.select().from(onboardingPlan).where(eq(onboardingPlan.id, id)).get();
}

/** The person's open plan, else their latest one: what a new hire's own page shows. */
export function selectLatestPlanOfStaff(db: Db, staffId: number): OnboardingPlan | undefined {
	return db
		.select()
		.from(onboardingPlan)
		.where(and(eq(onboardingPlan.staffId, staffId), sql`${onboardingPlan.status} != 'cancelled'`))
		.orderBy(sql`${onboardingPlan.status} = 'open' desc`, desc(onboardingPlan.id))
		.get();
}

const planWithPerson = {
	plan: onboardingPlan,
	employeeNo: staff.employeeNo,
	name: staff.name,
	position: staff.position,
	branchId: staff.branchId,
	branchName: branch.name
};
export type PlanWithPerson = {
	plan: OnboardingPlan;
	employeeNo: string;
	name: string;
	position: string;
	branchId: number;
	branchName: string;
};

/**
 * Plans of people in the given branches (null: all), optionally started within [from, to] and of
 * people whose current position is `position` (null or absent: any).
 */
export function selectPlans(
	db: Db,
	filter: {
		branchIds: number[] | null;
		from?: string;
		to?: string;
		planIds?: number[];
		position?: string | null;
	}
): PlanWithPerson[] {
	const where: SQL[] = [];
	if (filter.branchIds) where.push(inArray(staff.branchId, filter.branchIds));
	if (filter.position) where.push(eq(staff.position, filter.position));
	if (filter.from) where.push(gte(onboardingPlan.startDate, filter.from));
	if (filter.to) where.push(lte(onboardingPlan.startDate, filter.to));
	if (filter.planIds) where.push(inArray(onboardingPlan.id, filter.planIds));
	return db
		.select(planWithPerson)
		.from(onboardingPlan)
		.innerJoin(staff, eq(staff.id, onboardingPlan.staffId))
		.innerJoin(branch, eq(branch.id, staff.branchId))
		.where(and(...where))
		.orderBy(asc(onboardingPlan.dueDate), asc(staff.employeeNo))
		.all();
}

const choiceColumns = {
	id: staff.id,
	employeeNo: staff.employeeNo,
	name: staff.name,
	branchId: staff.branchId,
	branchName: branch.name
};

/** New hires (status onboarding) without an open plan, in the given branches (null: all). */
export function selectNewHiresWithoutPlan(db: Db, branchIds: number[] | null) {
	const withOpenPlan = db
		.select({ id: onboardingPlan.staffId })
		.from(onboardingPlan)
		.where(eq(onboardingPlan.status, 'open'));
	return db
		.select(choiceColumns)
		.from(staff)
		.innerJoin(branch, eq(branch.id, staff.branchId))
		.where(
			and(
				eq(staff.status, 'onboarding'),
				notInArray(staff.id, withOpenPlan),
				branchIds ? inArray(staff.branchId, branchIds) : undefined
			)
		)
		.orderBy(asc(branch.code), asc(staff.employeeNo))
		.all();
}

/** Active people holding the mentor role, in every branch (another branch's mentor is allowed). */
export function selectMentorChoices(db: Db) {
	return db
		.select(choiceColumns)
		.from(staff)
		.innerJoin(branch, eq(branch.id, staff.branchId))
		.innerJoin(staffRole, and(eq(staffRole.staffId, staff.id), eq(staffRole.role, 'mentor')))
		.where(eq(staff.status, 'active'))
		.orderBy(asc(branch.code), asc(staff.employeeNo))
		.all();
}

export function selectHasRole(db: Db, staffId: number, role: 'mentor' | 'branch_manager'): boolean {
	return !!db
		.select({ id: staffRole.staffId })
		.from(staffRole)
		.where(and(eq(staffRole.staffId, staffId), eq(staffRole.role, role)))
		.get();
}

/** The demo backdates a person's hiring to match an onboarding plan it replays. */
export function setStaffHire(
	db: Db,
	staffId: number,
	hireDate: string,
	status: 'onboarding',
	now: number
): void {
	db.update(staff).set({ hireDate, status, updatedAt: now }).where(eq(staff.id, staffId)).run();
}

export function countPlans(db: Db): number {
	return (
		db
			.select({ n: sql<number>`count(*)` })
			.from(onboardingPlan)
			.get()?.n ?? 0
	);
}
