import { canManageAnySession, canRunSessions, requirePermission } from '../auth/permissions';
import { selectRoles, selectStaffById } from '../auth/service';
import type { SessionUser } from '../auth/session';
import type { AppContext } from '../context';
import { inTransaction, type Tx } from '../db';
import type { ClassSession } from '../db/schema';
import { Invalid, NotFound, type Problem } from '../errors';
import { listCentralizedCourses, selectCourseById } from '../courses/service';
import { selectBranches, selectPositions } from '../org/service';
import { getManagedSession, requireScheduled } from './access';
import { listTrainers } from './staff';
import * as data from './data';
import { canOpenSignIn, checkSchedule, type ScheduleInput } from './rules';

async function checkCourse(tx: Tx, courseId: number): Promise<Problem[]> {
	if (!Number.isInteger(courseId) || courseId <= 0) return [];
	const course = await selectCourseById(tx, courseId);
	if (!course) return [{ key: 'classroom.error.courseRequired', field: 'courseId' }];
	if (course.kind !== 'centralized' || course.retired) {
		return [{ key: 'classroom.error.courseNotCentralized', field: 'courseId' }];
	}
	return [];
}

async function checkTrainer(tx: Tx, actor: SessionUser, trainerId: number): Promise<Problem[]> {
	if (trainerId === actor.id) return [];
	const person = await selectStaffById(tx, trainerId);
	const isTrainer =
		person && person.status !== 'left' && (await selectRoles(tx, person.id)).includes('trainer');
	return isTrainer ? [] : [{ key: 'classroom.error.notTrainer', field: 'trainerId' }];
}

/** A trainer schedules a session of a centralized course; HR and admin may name the trainer. */
export async function scheduleSession(
	ctx: AppContext,
	user: SessionUser | null,
	input: ScheduleInput
): Promise<ClassSession> {
	const actor = requirePermission(user, canRunSessions, 'runs classroom sessions');
	return await inTransaction(ctx.db, (tx) => scheduleSessionStep(ctx, tx, actor, input));
}

/** `scheduleSession` as a step of the caller's transaction; `actor` may run sessions. */
export async function scheduleSessionStep(
	ctx: AppContext,
	tx: Tx,
	actor: SessionUser,
	input: ScheduleInput
): Promise<ClassSession> {
	const trainerId = input.trainerId ?? actor.id;
	const problems = checkSchedule(input, ctx.clock.now());
	problems.push(...(await checkCourse(tx, input.courseId)));
	if (trainerId !== actor.id && !canManageAnySession(actor)) {
		problems.push({ key: 'classroom.error.assignOwnOnly', field: 'trainerId' });
	} else {
		problems.push(...(await checkTrainer(tx, actor, trainerId)));
	}
	if (problems.length) throw new Invalid(problems);
	return await data.insertSession(tx, {
		courseId: input.courseId,
		title: input.title.trim(),
		startsAt: input.startsAt,
		endsAt: input.endsAt,
		place: input.place.trim(),
		capacity: input.capacity,
		classHours: input.classHours,
		trainerId,
		status: 'scheduled',
		createdAt: ctx.clock.now(),
		amlTraining: input.amlTraining === true
	});
}

export interface ScheduleOptions {
	courses: { id: number; title: string }[];
	/** Only for HR and admin, who may assign a session to any trainer. */
	trainers: { id: number; employeeNo: string; name: string }[] | null;
	actorId: number;
}

/** What the schedule form offers this person. */
export async function getScheduleOptions(
	ctx: AppContext,
	user: SessionUser | null
): Promise<ScheduleOptions> {
	const actor = requirePermission(user, canRunSessions, 'runs classroom sessions');
	return {
		courses: await listCentralizedCourses(ctx.db),
		trainers: canManageAnySession(actor) ? await listTrainers(ctx.db) : null,
		actorId: actor.id
	};
}

/** Sessions a person manages: a trainer their own, HR and admin all of them. */
export async function listSessions(
	ctx: AppContext,
	user: SessionUser | null,
	filter: { when: 'upcoming' | 'past' }
): Promise<data.SessionSummary[]> {
	const actor = requirePermission(user, canRunSessions, 'runs classroom sessions');
	return await data.selectSessionSummaries(ctx.db, {
		trainerId: canManageAnySession(actor) ? null : actor.id,
		when: filter.when,
		now: ctx.clock.now()
	});
}

export interface SessionDetail {
	session: data.SessionSummary;
	roster: data.RosterRow[];
	/** The code while it is valid; null otherwise. */
	signIn: { code: string; expiresAt: number } | null;
	hasStarted: boolean;
	canOpenSignIn: boolean;
	canCancel: boolean;
}

/** One session with its roster and attendance, for the trainer who runs it, HR or admin. */
export async function getSession(
	ctx: AppContext,
	user: SessionUser | null,
	sessionId: number
): Promise<SessionDetail> {
	const { session: row } = await getManagedSession(ctx.db, user, sessionId);
	const now = ctx.clock.now();
	const [session] = await data.selectSessionSummaries(ctx.db, {
		trainerId: null,
		when: 'all',
		now,
		id: row.id
	});
	if (!session) throw new NotFound(`session ${sessionId}`);
	const scheduled = row.status === 'scheduled';
	const codeValid = scheduled && !!row.signInCode && (row.signInExpiresAt ?? 0) > now;
	return {
		session,
		roster: await data.selectRoster(ctx.db, row.id),
		signIn: codeValid ? { code: row.signInCode!, expiresAt: row.signInExpiresAt! } : null,
		hasStarted: now >= row.startsAt,
		canOpenSignIn: scheduled && canOpenSignIn(row, now),
		canCancel: scheduled && session.attended === 0
	};
}

/** Branches and positions to enrol a group from. */
export async function getEnrolOptions(
	ctx: AppContext,
	user: SessionUser | null
): Promise<{ branches: { id: number; code: string; name: string }[]; positions: string[] }> {
	requirePermission(user, canRunSessions, 'runs classroom sessions');
	return {
		branches: (await selectBranches(ctx.db, null)).map(({ id, code, name }) => ({
			id,
			code,
			name
		})),
		positions: await selectPositions(ctx.db, ['active', 'onboarding'])
	};
}

/** Cancels a session nobody has attended; it stays listed as cancelled. */
export async function cancelSession(
	ctx: AppContext,
	user: SessionUser | null,
	sessionId: number
): Promise<void> {
	await inTransaction(ctx.db, async (tx) => {
		const { session } = await getManagedSession(tx, user, sessionId);
		requireScheduled(session);
		if ((await data.selectAttendedIds(tx, session.id)).size > 0) {
			throw new Invalid([{ key: 'classroom.error.hasAttendance' }]);
		}
		await data.updateSession(tx, session.id, {
			status: 'cancelled',
			signInCode: null,
			signInExpiresAt: null
		});
	});
}
