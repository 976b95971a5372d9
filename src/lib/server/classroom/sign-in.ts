import { randomInt } from 'node:crypto';
import { requireUser } from '../auth/guards';
import type { SessionUser } from '../auth/session';
import type { AppContext } from '../context';
import type { AttendanceMethod } from '../../classroom/enums';
import { inTransaction, type Tx } from '../db';
import type { ClassSession } from '../db/schema';
import { qrSvg } from '../qr/service';
import { Invalid, type Problem } from '../errors';
import { getManagedSession, requireScheduled } from './access';
import * as data from './data';
import {
	isQrTokenValid,
	makeQrToken,
	msUntilRotation,
	newQrSecret,
	parseQrToken,
	QR_WINDOW_MS,
	qrTokenAge
} from './qr-token';
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
			await data.updateSession(tx, session.id, {
				signInExpiresAt: expiresAt,
				signInSecret: session.signInSecret ?? newQrSecret()
			});
			return { code: session.signInCode, expiresAt };
		}
		for (let draw = 0; draw < MAX_DRAWS; draw++) {
			const code = formatCode(random(10 ** CODE_DIGITS));
			if (await data.selectSessionByValidCode(tx, code, now)) continue;
			// A new key with each new code: QR codes from an earlier opening stop working.
			await data.updateSession(tx, session.id, {
				signInCode: code,
				signInExpiresAt: until,
				signInSecret: newQrSecret()
			});
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

/** What a code or a QR token points at: a session open for sign-in, or why not. */
type Found = { session: ClassSession } | { problem: Problem; countsAsWrong: boolean };

/**
 * The one sign-in rule behind the 6-digit code and the QR code: the person is not locked out
 * for wrong codes, the code finds a session whose sign-in is open now, they are enrolled in it
 * and not signed in yet. Every refusal changes nothing except the count of wrong codes, which
 * must survive the refusal to limit guessing.
 */
async function signInTo(
	ctx: AppContext,
	actor: SessionUser,
	method: AttendanceMethod,
	find: (tx: Tx, now: number) => Promise<Found>
): Promise<SignedIn> {
	const outcome = await inTransaction(ctx.db, async (tx): Promise<Outcome> => {
		const now = ctx.clock.now();
		const throttle = await data.selectThrottle(tx, actor.id);
		const minutes = lockMinutesLeft(throttle, now);
		if (minutes > 0) {
			return { problem: { key: 'classroom.error.tooManyTries', params: { minutes } } };
		}
		const found = await find(tx, now);
		if ('problem' in found) {
			if (found.countsAsWrong) {
				await data.upsertThrottle(tx, { staffId: actor.id, ...afterWrongCode(throttle, now) });
			}
			return { problem: found.problem };
		}
		const { session } = found;
		const title = session.title;
		if (!(await data.selectEnrolledIds(tx, session.id)).has(actor.id)) {
			return { problem: { key: 'classroom.error.codeNotEnrolled', params: { title } } };
		}
		const added = await recordAttendance(ctx, tx, session, {
			staffIds: [actor.id],
			method,
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

/** A learner signs in with the 6-digit code shown in the room. */
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
	return await signInTo(ctx, actor, 'code', async (tx, now): Promise<Found> => {
		const session = await data.selectSessionByValidCode(tx, code, now);
		if (session) return { session };
		if (await data.hasSessionWithCode(tx, code)) {
			return {
				problem: { key: 'classroom.error.expiredCode', field: 'code' },
				countsAsWrong: false
			};
		}
		return { problem: { key: 'classroom.error.wrongCode', field: 'code' }, countsAsWrong: true };
	});
}

// Old tokens are told apart from forged ones for as long as a code can be open.
const QR_LOOK_BACK = (MAX_CODE_MINUTES * 60_000) / QR_WINDOW_MS;

/**
 * A learner signs in by scanning the QR code on the trainer's screen: the token must be this
 * session's for the current or the previous 30 seconds, and the session's sign-in must be open
 * (its 6-digit code valid); then the same rule as the code applies.
 */
export async function signInWithQrToken(
	ctx: AppContext,
	user: SessionUser | null,
	raw: string
): Promise<SignedIn> {
	const actor = requireUser(user);
	const token = parseQrToken(raw.trim());
	return await signInTo(ctx, actor, 'qr', async (tx, now): Promise<Found> => {
		const session = token ? await data.selectSession(tx, token.sessionId) : undefined;
		const secret = session?.signInSecret;
		// Made with the session's key but too old (a photo, a slow sign-in): say so, not counted.
		const age = token && secret ? qrTokenAge(token, secret, now, QR_LOOK_BACK) : null;
		if (age === null) {
			// A forged or damaged token counts like a wrong code.
			return { problem: { key: 'qr.error.invalid' }, countsAsWrong: true };
		}
		if (!token || !secret || !isQrTokenValid(token, secret, now)) {
			return { problem: { key: 'qr.error.expired' }, countsAsWrong: false };
		}
		const open = await data.selectSessionByValidCode(tx, session.signInCode ?? '', now);
		if (open?.id !== session.id) {
			return { problem: { key: 'classroom.error.expiredCode' }, countsAsWrong: false };
		}
		return { session: open };
	});
}

/**
 * The QR sign-in code for the trainer's screen while the session's sign-in is open: the URL a
 * phone opens, and when it changes. Null while sign-in is closed.
 */
export async function getSignInQr(
	ctx: AppContext,
	user: SessionUser | null,
	sessionId: number,
	origin: string
): Promise<{ url: string; svg: string; rotatesInMs: number } | null> {
	const { session } = await getManagedSession(ctx.db, user, sessionId);
	const now = ctx.clock.now();
	const open = session.status === 'scheduled' && (session.signInExpiresAt ?? 0) > now;
	if (!open || !session.signInCode || !session.signInSecret) return null;
	const url = `${origin}/sessions/scan/${makeQrToken(session.id, session.signInSecret, now)}`;
	return { url, svg: await qrSvg(url), rotatesInMs: msUntilRotation(now) };
}
