import { recordAuditIn } from '../audit/service';
import { canManageOnboarding, canSeeBranch, requirePermission } from '../auth/permissions';
import type { SessionUser } from '../auth/session';
import type { AppContext } from '../context';
import { officeDay } from '../../time/office';
import { inTransaction, type Db, type Tx } from '../db';
import { Forbidden, Invalid, type Problem } from '../errors';
import { loadWorkingCalendar } from '../calendar/service';
import { findSeatCourse } from '../courses/service';
import { endPairing, insertPairing, selectCurrentPairing } from '../mentoring/service';
import { selectRolesOf, selectStaffRow, type StaffRow } from '../org/service';
import { getManagedPlan, type Actor } from './access';
import * as data from './data';
import {
	dueDateFor,
	MAX_REASON,
	PRACTICUM_DAYS_REQUIRED,
	readDay,
	SEAT_HOURS_REQUIRED
} from './rules';

/** The pairing purpose stored for onboarding (shown through the i18n catalogue). */
export const ONBOARDING_PURPOSE = 'onboarding';

/** Checks a proposed mentor for a mentee; returns the mentor row or adds a problem. */
async function checkMentor(
	db: Db,
	employeeNo: string,
	menteeId: number | undefined,
	problems: Problem[]
): Promise<StaffRow | undefined> {
	const mentor = employeeNo ? await selectStaffRow(db, employeeNo) : undefined;
	const field = 'mentorEmployeeNo';
	if (!mentor) problems.push({ key: 'onboarding.error.unknownMentor', field });
	else if (mentor.id === menteeId) problems.push({ key: 'onboarding.error.selfMentor', field });
	else if (
		mentor.status !== 'active' ||
		!(await selectRolesOf(db, [mentor.id])).get(mentor.id)?.includes('mentor')
	) {
		problems.push({ key: 'onboarding.error.notMentor', params: { name: mentor.name }, field });
	} else return mentor;
	return undefined;
}

export interface OpenPlanResult {
	planId: number;
	/** The mentor works in another branch: allowed, but the page says so. */
	crossBranchMentor: boolean;
}

/** Opens a new hire's onboarding plan with its first mentor pairing (HR/admin, or their BM). */
export async function openPlan(
	ctx: AppContext,
	actor: Actor,
	input: { employeeNo: string; startDate: string; mentorEmployeeNo: string }
): Promise<OpenPlanResult> {
	const user = requirePermission(actor, canManageOnboarding, 'manages onboarding');
	return await inTransaction(ctx.db, (tx) => openPlanStep(ctx, tx, user, input));
}

/** `openPlan` as a step of the caller's transaction; `user` may manage onboarding. */
export async function openPlanStep(
	ctx: AppContext,
	tx: Tx,
	user: SessionUser,
	input: { employeeNo: string; startDate: string; mentorEmployeeNo: string }
): Promise<OpenPlanResult> {
	const person = await selectStaffRow(tx, input.employeeNo.trim());
	if (!person) {
		throw new Invalid([{ key: 'onboarding.error.unknownStaff', field: 'employeeNo' }]);
	}
	if (!canSeeBranch(user, person.branchId)) throw new Forbidden('new hire out of scope');
	const problems: Problem[] = [];
	if (person.status !== 'onboarding') {
		problems.push({ key: 'onboarding.error.notNewHire', params: { name: person.name } });
	} else if (await data.selectOpenPlanOfStaff(tx, person.id)) {
		problems.push({ key: 'onboarding.error.planExists', params: { name: person.name } });
	}
	const startDate = readDay(input.startDate);
	if (!startDate) problems.push({ key: 'onboarding.error.badStart', field: 'startDate' });
	const mentor = await checkMentor(tx, input.mentorEmployeeNo.trim(), person.id, problems);
	const seat = await findSeatCourse(tx);
	if (!seat) problems.push({ key: 'onboarding.error.noSeatCourse' });
	if (problems.length > 0 || !startDate || !mentor || !seat) throw new Invalid(problems);
	const now = ctx.clock.now();
	const plan = await data.insertPlan(tx, {
		staffId: person.id,
		startDate,
		dueDate: dueDateFor(await loadWorkingCalendar(tx), startDate),
		seatCourseId: seat.id,
		seatHoursRequired: SEAT_HOURS_REQUIRED,
		practicumDaysRequired: PRACTICUM_DAYS_REQUIRED,
		createdBy: user.id,
		createdAt: now
	});
	await insertPairing(tx, {
		mentorId: mentor.id,
		menteeId: person.id,
		planId: plan.id,
		fromDate: startDate,
		purpose: ONBOARDING_PURPOSE,
		createdBy: user.id,
		createdAt: now
	});
	const crossBranchMentor = mentor.branchId !== person.branchId;
	await recordAuditIn(ctx, tx, {
		action: 'onboarding.plan_open',
		actorStaffId: user.id,
		target: `staff:${person.id}`,
		detail: { planId: plan.id, mentorId: mentor.id, crossBranchMentor }
	});
	return { planId: plan.id, crossBranchMentor };
}

/**
 * Hands a new hire to another mentor: the current pairing ends today with the reason, a new one
 * starts today. Both stay on record.
 */
export async function changeMentor(
	ctx: AppContext,
	actor: Actor,
	planId: number,
	input: { mentorEmployeeNo: string; reason: string }
): Promise<{ crossBranchMentor: boolean }> {
	return await inTransaction(ctx.db, (tx) => changeMentorStep(ctx, tx, actor, planId, input));
}

/** `changeMentor` as a step of the caller's transaction. */
export async function changeMentorStep(
	ctx: AppContext,
	tx: Tx,
	actor: Actor,
	planId: number,
	input: { mentorEmployeeNo: string; reason: string }
): Promise<{ crossBranchMentor: boolean }> {
	const { user, plan, person } = await getManagedPlan(tx, actor, planId);
	if (plan.status !== 'open') throw new Invalid([{ key: 'onboarding.error.planNotOpen' }]);
	const problems: Problem[] = [];
	const reason = input.reason.trim();
	if (!reason || reason.length > MAX_REASON) {
		problems.push({ key: 'onboarding.error.reasonRequired', field: 'reason' });
	}
	const mentor = await checkMentor(tx, input.mentorEmployeeNo.trim(), person.id, problems);
	const current = await selectCurrentPairing(tx, plan.id);
	if (mentor && current?.mentorId === mentor.id) {
		problems.push({ key: 'onboarding.error.sameMentor', field: 'mentorEmployeeNo' });
	}
	if (problems.length > 0 || !mentor) throw new Invalid(problems);
	const now = ctx.clock.now();
	const today = officeDay(now);
	if (current) await endPairing(tx, current.id, today, reason);
	await insertPairing(tx, {
		mentorId: mentor.id,
		menteeId: person.id,
		planId: plan.id,
		fromDate: today,
		purpose: ONBOARDING_PURPOSE,
		createdBy: user.id,
		createdAt: now
	});
	await recordAuditIn(ctx, tx, {
		action: 'onboarding.mentor_change',
		actorStaffId: user.id,
		target: `staff:${person.id}`,
		detail: { planId: plan.id, from: current?.mentorId ?? null, to: mentor.id, reason }
	});
	return { crossBranchMentor: mentor.branchId !== person.branchId };
}
