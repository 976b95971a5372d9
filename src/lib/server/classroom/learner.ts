import { requireUser } from '../auth/guards';
import type { SessionUser } from '../auth/session';
import type { AppContext } from '../context';
import { addDays, isValidDay } from '../../time/days';
import { Invalid } from '../errors';
import {
	countAttendance,
	selectSessionsOfStaff,
	type PersonTimeCount,
	type StaffSessionRow
} from './data';
import { officeInstant } from '../../time/office';

export interface MySession {
	id: number;
	title: string;
	courseTitle: string;
	startsAt: number;
	endsAt: number;
	place: string;
	classHours: number;
	trainerName: string;
	cancelled: boolean;
	attended: boolean;
}

function toMySession(row: StaffSessionRow): MySession {
	return {
		id: row.id,
		title: row.title,
		courseTitle: row.courseTitle,
		startsAt: row.startsAt,
		endsAt: row.endsAt,
		place: row.place,
		classHours: row.classHours,
		trainerName: row.trainerName,
		cancelled: row.status === 'cancelled',
		attended: row.attendedAt !== null
	};
}

export interface MySessions {
	/** Not yet ended, soonest first; cancelled ones stay so people know not to come. */
	upcoming: MySession[];
	/** Held sessions, latest first. */
	past: MySession[];
	attendedCount: number;
	attendedHours: number;
}

/** The sessions the signed-in person is enrolled in. */
export async function listMySessions(
	ctx: AppContext,
	user: SessionUser | null
): Promise<MySessions> {
	const actor = requireUser(user);
	const now = ctx.clock.now();
	const all = (await selectSessionsOfStaff(ctx.db, actor.id)).map(toMySession);
	const past = all.filter((s) => s.endsAt <= now && !s.cancelled).reverse();
	const attended = past.filter((s) => s.attended);
	return {
		upcoming: all.filter((s) => s.endsAt > now),
		past,
		attendedCount: attended.length,
		attendedHours: Math.round(attended.reduce((sum, s) => sum + s.classHours, 0) * 10) / 10
	};
}

export interface HomeSessions {
	/** The next few sessions I am enrolled in (not ended, not cancelled), soonest first. */
	next: MySession[];
	/** How many more upcoming sessions there are beyond `next`. */
	more: number;
}

/** The learner home card: my next enrolled sessions. */
export async function getHomeSessions(
	ctx: AppContext,
	user: SessionUser | null,
	limit = 3
): Promise<HomeSessions> {
	const actor = requireUser(user);
	const upcoming = (await selectSessionsOfStaff(ctx.db, actor.id, ctx.clock.now())).map(
		toMySession
	);
	return { next: upcoming.slice(0, limit), more: Math.max(0, upcoming.length - limit) };
}

/**
 * Person-times (人次) of sessions held from `from` to `to` (office days, both included),
 * optionally counting only the staff of one branch and/or position. For report services, which
 * check access themselves before calling it.
 */
export async function countPersonTimes(
	ctx: AppContext,
	range: { from: string; to: string; branchId?: number; position?: string }
): Promise<PersonTimeCount> {
	if (!isValidDay(range.from) || !isValidDay(range.to) || range.to < range.from) {
		throw new Invalid([{ key: 'classroom.error.badRange' }]);
	}
	return await countAttendance(
		ctx.db,
		officeInstant(range.from, '00:00'),
		officeInstant(addDays(range.to, 1), '00:00'),
		{ branchId: range.branchId, position: range.position }
	);
}

export type { PersonTimeCount };
