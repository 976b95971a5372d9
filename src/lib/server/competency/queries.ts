import { and, asc, desc, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../db';
import {
	branch,
	certificate,
	competency,
	competencyEvent,
	competencyRule,
	course,
	examDefinition,
	lesson,
	lessonCompletion,
	staff,
	attempt,
	type Certificate,
	type Competency,
	type CompetencyEvent
} from '../db/schema';

export type CompetencyRule = typeof competencyRule.$inferSelect;
export type NewRule = typeof competencyRule.$inferInsert;

export function selectCompetencies(db: Db): Competency[] {
	return db.select().from(competency).orderBy(asc(competency.code)).all();
}

export function selectCompetencyById(db: Db, id: number): Competency | undefined {
	return db.select().from(competency).where(eq(competency.id, id)).get();
}

export function selectCompetencyByCode(db: Db, code: string): Competency | undefined {
	return db.select().from(competency).where(eq(competency.code, code)).get();
}

export function insertCompetency(db: Db, row: typeof competency.$inferInsert): Competency {
	return db.insert(competency).values(row).returning().get();
}

export function updateCompetencyRow(
	db: Db,
	id: number,
	set: Pick<Competency, 'name' | 'description' | 'validityMonths'>
): void {
	db.update(competency).set(set).where(eq(competency.id, id)).run();
}

export function selectRules(db: Db): CompetencyRule[] {
	return db.select().from(competencyRule).orderBy(asc(competencyRule.id)).all();
}

export function selectRulesByTrigger(db: Db, trigger: CompetencyRule['trigger']): CompetencyRule[] {
	return db.select().from(competencyRule).where(eq(competencyRule.trigger, trigger)).all();
}

export function insertRule(db: Db, row: NewRule): CompetencyRule {
	return db.insert(competencyRule).values(row).returning().get();
}

export function deleteRule(db: Db, id: number): boolean {
	return db.delete(competencyRule).where(eq(competencyRule.id, id)).run().changes > 0;
}

export function insertEvent(db: Db, row: typeof competencyEvent.$inferInsert): CompetencyEvent {
	return db.insert(competencyEvent).values(row).returning().get();
}

/** Every event of some people (all when null), oldest first. */
export function selectEvents(db: Db, staffIds: number[] | null): CompetencyEvent[] {
	const q = db.select().from(competencyEvent);
	const scoped = staffIds === null ? q : q.where(inArray(competencyEvent.staffId, staffIds));
	return scoped.orderBy(asc(competencyEvent.occurredAt), asc(competencyEvent.id)).all();
}

export function insertCertificate(db: Db, row: typeof certificate.$inferInsert): Certificate {
	return db.insert(certificate).values(row).returning().get();
}

export function selectCertificateById(db: Db, id: number): Certificate | undefined {
	return db.select().from(certificate).where(eq(certificate.id, id)).get();
}

export function selectCertificateByCode(db: Db, code: string): Certificate | undefined {
	return db.select().from(certificate).where(eq(certificate.verificationCode, code)).get();
}

export function selectCertificatesOf(db: Db, staffId: number): Certificate[] {
	return db
		.select()
		.from(certificate)
		.where(eq(certificate.staffId, staffId))
		.orderBy(desc(certificate.issuedOn), desc(certificate.id))
		.all();
}

/** Unrevoked certificates lapsing between two days, optionally in some branches. */
export function selectCertificatesExpiring(
	db: Db,
	from: string,
	to: string,
	branchIds: number[] | null
) {
	const conditions = [
		gte(certificate.expiresOn, from),
		lte(certificate.expiresOn, to),
		isNull(certificate.revokedAt)
	];
	if (branchIds !== null) conditions.push(inArray(staff.branchId, branchIds));
	return db
		.select({ certificate, staffName: staff.name, employeeNo: staff.employeeNo })
		.from(certificate)
		.innerJoin(staff, eq(staff.id, certificate.staffId))
		.where(and(...conditions))
		.orderBy(asc(certificate.expiresOn))
		.all();
}

/** Sets the revocation once; false when it was already revoked (the caller reports it). */
export function markRevoked(
	db: Db,
	id: number,
	set: { revokedAt: number; revokedBy: number; revokeReason: string }
): boolean {
	return (
		db
			.update(certificate)
			.set(set)
			.where(and(eq(certificate.id, id), isNull(certificate.revokedAt)))
			.run().changes > 0
	);
}

/** The highest serial issued in a year, from numbers shaped QF-YYYY-NNNNNN. */
export function selectMaxSerial(db: Db, year: number): number {
	const row = db
		.select({ n: sql<number | null>`max(cast(substr(${certificate.number}, 9) as integer))` })
		.from(certificate)
		.where(sql`${certificate.number} like ${`QF-${year}-%`}`)
		.get();
	return row?.n ?? 0;
}

export function selectStaffBrief(db: Db, staffId: number) {
	return db
		.select({
			id: staff.id,
			name: staff.name,
			employeeNo: staff.employeeNo,
			branchId: staff.branchId,
			branchName: branch.name,
			position: staff.position
		})
		.from(staff)
		.innerJoin(branch, eq(branch.id, staff.branchId))
		.where(eq(staff.id, staffId))
		.get();
}

export function selectStaffIdsIn(db: Db, branchIds: number[] | null): Map<number, string> {
	const q = db.select({ id: staff.id, name: staff.name }).from(staff);
	const rows = branchIds === null ? q.all() : q.where(inArray(staff.branchId, branchIds)).all();
	return new Map(rows.map((r) => [r.id, r.name]));
}

/** A person's submitted attempts with their exam titles, newest first. */
export function selectExamHistory(db: Db, staffId: number) {
	return db
		.select({
			attemptId: attempt.id,
			examTitle: examDefinition.title,
			purpose: examDefinition.purpose,
			submittedAt: attempt.submittedAt,
			score: attempt.score,
			maxScore: attempt.maxScore,
			percent: attempt.percent,
			passed: attempt.passed
		})
		.from(attempt)
		.innerJoin(examDefinition, eq(examDefinition.id, attempt.examId))
		.where(and(eq(attempt.staffId, staffId), eq(attempt.status, 'submitted')))
		.orderBy(desc(attempt.submittedAt))
		.all();
}

/** True when the person has completed every lesson of the course's current version. */
export function isCourseComplete(db: Db, staffId: number, courseId: number): boolean {
	const row = db
		.select({ missing: sql<number>`count(*)` })
		.from(lesson)
		.innerJoin(course, eq(course.currentVersionId, lesson.courseVersionId))
		.leftJoin(
			lessonCompletion,
			and(
				eq(lessonCompletion.courseId, course.id),
				eq(lessonCompletion.lessonKey, lesson.lessonKey),
				eq(lessonCompletion.staffId, staffId)
			)
		)
		.where(and(eq(course.id, courseId), isNull(lessonCompletion.staffId)))
		.get();
	return (row?.missing ?? 1) === 0;
}

export function selectCourseTitles(db: Db): Map<number, string> {
	const rows = db.select({ id: course.id, title: course.title }).from(course).all();
	return new Map(rows.map((r) => [r.id, r.title]));
}

export function selectStaffIdByEmployeeNo(db: Db, employeeNo: string): number | undefined {
	return db.select({ id: staff.id }).from(staff).where(eq(staff.employeeNo, employeeNo)).get()?.id;
}

/** Active staff, for the demo's older certificates. */
export function selectActiveStaff(db: Db): { id: number; employeeNo: string; position: string }[] {
	return db
		.select({ id: staff.id, employeeNo: staff.employeeNo, position: staff.position })
		.from(staff)
		.where(eq(staff.status, 'active'))
		.orderBy(asc(staff.employeeNo))
		.all();
}

export function selectCourseIdOfKind(db: Db, kind: 'remote' | 'centralized'): number | undefined {
	return db
		.select({ id: course.id })
		.from(course)
		.where(and(eq(course.kind, kind), eq(course.retired, false)))
		.orderBy(asc(course.id))
		.get()?.id;
}
