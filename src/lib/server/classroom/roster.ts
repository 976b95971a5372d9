import type { AttendanceMethod } from '../../classroom/enums';
import type { SessionUser } from '../auth/session';
import type { AppContext } from '../context';
import { officeDay } from '../../time/office';
import { inTransaction, type Db, type Tx } from '../db';
import { selectCourseById } from '../courses/service';
import type { ClassSession } from '../db/schema';
import type { HourKind } from '../../hours/enums';
import { Invalid } from '../errors';
import { creditHours } from '../hours/service';
import { getManagedSession, requireScheduled } from './access';
import { selectStaffWhere } from '../org/service';
import * as data from './data';
import { parseEmployeeNumbers } from './rules';

export interface EnrolResult {
	added: number;
	/** Already on the roster, left as they were. */
	skipped: number;
}

/** Adds people all together or not at all: a batch that would overflow the room is refused. */
async function enrolIds(
	ctx: AppContext,
	tx: Tx,
	actor: SessionUser,
	session: ClassSession,
	staffIds: number[]
): Promise<EnrolResult> {
	const enrolled = await data.selectEnrolledIds(tx, session.id);
	const fresh = [...new Set(staffIds)].filter((id) => !enrolled.has(id));
	const left = Math.max(0, session.capacity - enrolled.size);
	if (fresh.length > left) {
		throw new Invalid([
			{ key: 'classroom.error.overCapacity', params: { left, count: fresh.length } }
		]);
	}
	const now = ctx.clock.now();
	await data.insertEnrolments(
		tx,
		fresh.map((staffId) => ({
			sessionId: session.id,
			staffId,
			enrolledBy: actor.id,
			enrolledAt: now
		}))
	);
	return { added: fresh.length, skipped: staffIds.length - fresh.length };
}

/** Enrols people by employee number; unknown numbers and people who have left refuse the batch. */
export async function enrolStaff(
	ctx: AppContext,
	user: SessionUser | null,
	sessionId: number,
	employeeNumbers: string
): Promise<EnrolResult> {
	return await inTransaction(ctx.db, (tx) =>
		enrolStaffStep(ctx, tx, user, sessionId, employeeNumbers)
	);
}

/** `enrolStaff` as a step of the caller's transaction. */
export async function enrolStaffStep(
	ctx: AppContext,
	tx: Tx,
	user: SessionUser | null,
	sessionId: number,
	employeeNumbers: string
): Promise<EnrolResult> {
	const { actor, session } = await getManagedSession(tx, user, sessionId);
	requireScheduled(session);
	const numbers = parseEmployeeNumbers(employeeNumbers);
	if (numbers.length === 0) {
		throw new Invalid([{ key: 'classroom.error.noNumbers', field: 'employeeNos' }]);
	}
	const found = await selectStaffWhere(tx, { employeeNos: numbers, orderBy: 'employeeNo' });
	const known = new Set(found.map((s) => s.employeeNo));
	const unknown = numbers.filter((n) => !known.has(n));
	const gone = found.filter((s) => s.status === 'left').map((s) => s.employeeNo);
	if (unknown.length || gone.length) {
		const problems = [];
		if (unknown.length) {
			problems.push({
				key: 'classroom.error.unknownStaff' as const,
				field: 'employeeNos',
				params: { numbers: unknown.join('、') }
			});
		}
		if (gone.length) {
			problems.push({
				key: 'classroom.error.staffLeft' as const,
				field: 'employeeNos',
				params: { numbers: gone.join('、') }
			});
		}
		throw new Invalid(problems);
	}
	return await enrolIds(
		ctx,
		tx,
		actor,
		session,
		found.map((s) => s.id)
	);
}

/** Enrols the current staff (active or onboarding) of a branch and/or a position. */
export async function enrolByGroup(
	ctx: AppContext,
	user: SessionUser | null,
	sessionId: number,
	group: { branchId?: number; position?: string }
): Promise<EnrolResult> {
	return await inTransaction(ctx.db, async (tx) => {
		const { actor, session } = await getManagedSession(tx, user, sessionId);
		requireScheduled(session);
		if (group.branchId === undefined && !group.position) {
			throw new Invalid([{ key: 'classroom.error.groupRequired', field: 'branchId' }]);
		}
		const ids = (
			await selectStaffWhere(tx, {
				statuses: ['active', 'onboarding'],
				branchIds: group.branchId === undefined ? null : [group.branchId],
				positions: group.position ? [group.position] : undefined,
				orderBy: 'employeeNo'
			})
		).map((p) => p.id);
		if (ids.length === 0) throw new Invalid([{ key: 'classroom.error.nobodyInGroup' }]);
		return await enrolIds(ctx, tx, actor, session, ids);
	});
}

/** Takes someone off the roster; not once they have attended (their hours stand). */
export async function unenrolStaff(
	ctx: AppContext,
	user: SessionUser | null,
	sessionId: number,
	staffId: number
): Promise<void> {
	await inTransaction(ctx.db, async (tx) => {
		const { session } = await getManagedSession(tx, user, sessionId);
		requireScheduled(session);
		if ((await data.selectAttendedIds(tx, session.id)).has(staffId)) {
			throw new Invalid([{ key: 'classroom.error.attendedCannotUnenrol' }]);
		}
		if ((await data.deleteEnrolment(tx, session.id, staffId)) === 0) {
			throw new Invalid([{ key: 'classroom.error.notEnrolled' }]);
		}
	});
}

/**
 * The one rule for attendance, used by the roster, the sign-in code and the demo: one row per
 * person present, and the session's class hours credited once, in the caller's transaction.
 * Returns how many people were newly recorded.
 */
export async function recordAttendance(
	ctx: AppContext,
	tx: Tx,
	session: ClassSession,
	input: {
		staffIds: number[];
		method: AttendanceMethod;
		recordedBy: number | null;
		kind: HourKind;
	}
): Promise<number> {
	const now = ctx.clock.now();
	const earnedOn = officeDay(session.startsAt);
	let added = 0;
	for (const staffId of input.staffIds) {
		const row = { sessionId: session.id, staffId, method: input.method, recordedAt: now };
		if (!(await data.insertAttendance(tx, { ...row, recordedBy: input.recordedBy }))) continue;
		await creditHours(ctx, tx, {
			staffId,
			kind: input.kind,
			hours: session.classHours,
			earnedOn,
			source: 'session',
			sourceRef: `session:${session.id}`,
			recordedBy: input.recordedBy
		});
		added++;
	}
	return added;
}

/** The hour kind a session's attendance is credited as: its course's kind. */
export async function courseKindOf(db: Db, session: ClassSession): Promise<HourKind> {
	return (await selectCourseById(db, session.courseId))?.kind ?? 'centralized';
}

/** Marks people present from the roster, once the session has started; repeats change nothing. */
export async function markAttendance(
	ctx: AppContext,
	user: SessionUser | null,
	sessionId: number,
	staffIds: number[]
): Promise<{ recorded: number; already: number }> {
	return await inTransaction(ctx.db, (tx) =>
		markAttendanceStep(ctx, tx, user, sessionId, staffIds)
	);
}

/** `markAttendance` as a step of the caller's transaction. */
export async function markAttendanceStep(
	ctx: AppContext,
	tx: Tx,
	user: SessionUser | null,
	sessionId: number,
	staffIds: number[]
): Promise<{ recorded: number; already: number }> {
	const { actor, session } = await getManagedSession(tx, user, sessionId);
	requireScheduled(session);
	if (ctx.clock.now() < session.startsAt) {
		throw new Invalid([{ key: 'classroom.error.notYetHeld' }]);
	}
	const ids = [...new Set(staffIds)];
	if (ids.length === 0) throw new Invalid([{ key: 'classroom.error.noneSelected' }]);
	const enrolled = await data.selectEnrolledIds(tx, session.id);
	if (ids.some((id) => !enrolled.has(id))) {
		throw new Invalid([{ key: 'classroom.error.notEnrolledInRoster' }]);
	}
	const recorded = await recordAttendance(ctx, tx, session, {
		staffIds: ids,
		method: 'roster',
		recordedBy: actor.id,
		kind: await courseKindOf(tx, session)
	});
	return { recorded, already: ids.length - recorded };
}
