import { randomInt } from 'node:crypto';
import { requireUser } from '../auth/guards';
import type { SessionUser } from '../auth/session';
import type { AppContext } from '../context';
import { inTransaction } from '../db';
import { Invalid, type Problem } from '../errors';
import { getManagedSession, requireScheduled } from './access';
import * as data from './data';
import { courseKindOf, recordAttendance } from './roster';
import {
	afterWrongCode,
	canOpenSignIn,
	CODE_DIGITS,
	DEFAULT_CODE_MINUTES,
	formatCode,
	isCodeShaped,
	lockMinutesLeft,
	MAX_CODE_MINUTES
} from './rules';

/** Draws an integer in [0, max); node:crypto by default, a fixed sequence in tests. */
export type RandomInt = (max: number) => number;

const cryptoRandomInt: RandomInt = (max) => randomInt(max);

// Six digits leave a million codes; a handful of valid ones at a time collide rarely, so a few
// redraws always suffice. The bound only stops a broken random source from looping forever.
const MAX_DRAWS = 50;

/**
 * Shows a code in the room: valid from now for `minutes`, unique among the codes valid now.
 * Opening again while a code is valid keeps that code (it is already on the screen) and extends it.
 */
export async function openSignIn(
	ctx: AppContext,
	user: SessionUser | null,
	sessionId: number,
	options: { minutes?: number } = {},
	random: RandomInt = cryptoRandomInt
): Promise<{ code: string; expiresAt: number }> {
	const minutes = options.minutes ?? DEFAULT_CODE_MINUTES;
	return await inTransaction(ctx.db, async (tx) => {
		const { session } = await getManagedSession(tx, user, sessionId);
		requireScheduled(session);
		const now = ctx.clock.now();
		if (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_CODE_MINUTES) {
			throw new Invalid([
				{ key: 'classroom.error.badMinutes', field: 'minutes', params: { max: MAX_CODE_MINUTES } }
			]);
		}
		if (!canOpenSignIn(session, now)) throw new Invalid([{ key: 'classroom.error.signInWindow' }]);
		const until = now + minutes * 60_000;
		if (session.signInCode && (session.signInExpiresAt ?? 0) > now) {
			const expiresAt = Math.max(session.signInExpiresAt ?? 0, until);
			await data.updateSession(tx, session.id, { signInExpiresAt: expiresAt });
			return { code: session.signInCode, expiresAt };
		}
		for (let draw = 0; draw < MAX_DRAWS; draw++) {
			const code = formatCode(random(10 ** CODE_DIGITS));
			if (await data.selectSessionByValidCode(tx, code, now)) continue;
			await data.updateSession(tx, session.id, { signInCode: code, signInExpiresAt: until });
			return { code, expiresAt: until };
		}
		throw new Error('could not draw a free sign-in code');
	});
}

export interface SignedIn {
	sessionId: number;
	title: string;
	classHours: number;
}

type Outcome = { ok: SignedIn } | { problem: Problem };

/**
 * A learner signs in with the code shown in the room. Every refusal changes nothing except the
 * count of wrong codes, which must survive the refusal to limit guessing.
 */
export async function signInWithCode(
	ctx: AppContext,
	user: SessionUser | null,
	raw: string
): Promise<SignedIn> {
	const actor = requireUser(user);
	const code = raw.replace(/\s+/g, '');
	if (!isCodeShaped(code)) {
		throw new Invalid([{ key: 'classroom.error.codeFormat', field: 'code' }]);
	}
	const outcome = await inTransaction(ctx.db, async (tx): Promise<Outcome> => {
		const now = ctx.clock.now();
		const throttle = await data.selectThrottle(tx, actor.id);
		const minutes = lockMinutesLeft(throttle, now);
		if (minutes > 0) {
			return { problem: { key: 'classroom.error.tooManyTries', params: { minutes } } };
		}
		const session = await data.selectSessionByValidCode(tx, code, now);
		if (!session) {
			if (await data.hasSessionWithCode(tx, code)) {
				return { problem: { key: 'classroom.error.expiredCode', field: 'code' } };
			}
			await data.upsertThrottle(tx, { staffId: actor.id, ...afterWrongCode(throttle, now) });
			return { problem: { key: 'classroom.error.wrongCode', field: 'code' } };
		}
		const title = session.title;
		if (!(await data.selectEnrolledIds(tx, session.id)).has(actor.id)) {
			return { problem: { key: 'classroom.error.codeNotEnrolled', params: { title } } };
		}
		const added = await recordAttendance(ctx, tx, session, {
			staffIds: [actor.id],
			method: 'code',
			recordedBy: actor.id,
			kind: await courseKindOf(tx, session)
		});
		if (added === 0)
			return { problem: { key: 'classroom.error.alreadySignedIn', params: { title } } };
		if (throttle) await data.deleteThrottle(tx, actor.id);
		return { ok: { sessionId: session.id, title, classHours: session.classHours } };
	});
	if ('problem' in outcome) throw new Invalid([outcome.problem]);
	return outcome.ok;
}
