import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { enrolStaff } from '../../../src/lib/server/classroom/roster';
import {
	cancelSession,
	getSession,
	scheduleSession
} from '../../../src/lib/server/classroom/service';
import { openSignIn, signInWithCode } from '../../../src/lib/server/classroom/sign-in';
import { hourEntry, sessionAttendance } from '../../../src/lib/server/db/schema';
import { Forbidden } from '../../../src/lib/server/errors';
import { createTestApp, type TestApp } from '../../helpers/app';
import { classroomOffice, problemKeys, problemsOf, schedule, sessionInput } from './setup';

const MINUTE = 60_000;

/** A random source that plays back fixed draws, so codes are known in advance. */
function draws(...values: number[]): (max: number) => number {
	return () => {
		const next = values.shift();
		if (next === undefined) throw new Error('ran out of draws');
		return next;
	};
}

async function attendanceOf(app: TestApp, staffId: number) {
	return await app.db
		.select()
		.from(sessionAttendance)
		.where(eq(sessionAttendance.staffId, staffId))
		.all();
}

async function sessionHours(app: TestApp, staffId: number): Promise<number> {
	return (
		await app.db
			.select()
			.from(hourEntry)
			.where(and(eq(hourEntry.staffId, staffId), eq(hourEntry.source, 'session')))
			.all()
	).reduce((sum, e) => sum + e.hours, 0);
}

async function heldSession(app: TestApp) {
	const office = await classroomOffice(app);
	const session = await schedule(app, office);
	await enrolStaff(app, office.trainer, session.id, 'R101 R102');
	app.clock.set(session.startsAt - 10 * MINUTE);
	return { office, session };
}

describe('sign-in codes', () => {
	it('signs an enrolled learner in with a valid code and credits the hours once', async () => {
		const app = await createTestApp();
		const { office, session } = await heldSession(app);
		const { code, expiresAt } = await openSignIn(app, office.trainer, session.id, {}, draws(42));
		expect(code).toBe('000042');
		expect(expiresAt).toBe(app.clock.now() + 15 * MINUTE);
		expect((await getSession(app, office.trainer, session.id)).signIn).toEqual({ code, expiresAt });

		expect(await signInWithCode(app, office.teller, ' 000 042 ')).toEqual({
			sessionId: session.id,
			title: session.title,
			classHours: 2.5
		});
		expect((await attendanceOf(app, office.teller.id)).map((a) => a.method)).toEqual(['code']);
		expect(await sessionHours(app, office.teller.id)).toBe(2.5);
	});

	it('refuses a wrong code, an expired code, someone not enrolled and a second sign-in', async () => {
		const app = await createTestApp();
		const { office, session } = await heldSession(app);
		const { code } = await openSignIn(
			app,
			office.trainer,
			session.id,
			{ minutes: 5 },
			draws(123456)
		);
		expect(
			await problemKeys(async () => await signInWithCode(app, office.teller, '654321'))
		).toEqual(['classroom.error.wrongCode']);
		expect(await problemKeys(async () => await signInWithCode(app, office.teller, '12a'))).toEqual([
			'classroom.error.codeFormat'
		]);
		expect(
			await problemsOf(async () => await signInWithCode(app, office.cityTeller, code))
		).toEqual([{ key: 'classroom.error.codeNotEnrolled', params: { title: session.title } }]);
		await signInWithCode(app, office.teller, code);
		expect(await problemKeys(async () => await signInWithCode(app, office.teller, code))).toEqual([
			'classroom.error.alreadySignedIn'
		]);
		app.clock.advance(5 * MINUTE);
		expect(
			await problemKeys(async () => await signInWithCode(app, office.colleague, code))
		).toEqual(['classroom.error.expiredCode']);
		expect(await attendanceOf(app, office.colleague.id)).toEqual([]);
		expect(await attendanceOf(app, office.cityTeller.id)).toEqual([]);
		expect(await sessionHours(app, office.teller.id)).toBe(2.5);
		expect((await getSession(app, office.trainer, session.id)).signIn).toBeNull();
	});

	it('locks code sign-in for ten minutes after five wrong codes in ten minutes', async () => {
		const app = await createTestApp();
		const { office, session } = await heldSession(app);
		const { code } = await openSignIn(
			app,
			office.trainer,
			session.id,
			{ minutes: 60 },
			draws(777777)
		);
		for (let i = 0; i < 5; i++) {
			expect(
				await problemKeys(async () => await signInWithCode(app, office.teller, `10000${i}`))
			).toEqual(['classroom.error.wrongCode']);
			app.clock.advance(MINUTE);
		}
		// Locked even for the right code, and nothing is recorded.
		expect(await problemsOf(async () => await signInWithCode(app, office.teller, code))).toEqual([
			{ key: 'classroom.error.tooManyTries', params: { minutes: 9 } }
		]);
		expect(await attendanceOf(app, office.teller.id)).toEqual([]);
		// Someone else is not affected.
		await signInWithCode(app, office.colleague, code);
		app.clock.advance(9 * MINUTE);
		expect((await signInWithCode(app, office.teller, code)).sessionId).toBe(session.id);
	});

	it('forgets wrong codes older than the ten-minute window', async () => {
		const app = await createTestApp();
		const { office, session } = await heldSession(app);
		const { code } = await openSignIn(
			app,
			office.trainer,
			session.id,
			{ minutes: 60 },
			draws(500000)
		);
		for (let i = 0; i < 4; i++)
			await problemKeys(async () => await signInWithCode(app, office.teller, '100000'));
		app.clock.advance(11 * MINUTE);
		expect(
			await problemKeys(async () => await signInWithCode(app, office.teller, '100000'))
		).toEqual(['classroom.error.wrongCode']);
		expect((await signInWithCode(app, office.teller, code)).sessionId).toBe(session.id);
	});

	it('draws a code no other valid session holds, and keeps a valid code when reopened', async () => {
		const app = await createTestApp();
		const { office, session } = await heldSession(app);
		const other = await scheduleSession(
			app,
			office.trainer,
			sessionInput(office, { title: '第二场' })
		);
		const first = await openSignIn(app, office.trainer, session.id, {}, draws(111111));
		const second = await openSignIn(
			app,
			office.trainer,
			other.id,
			{},
			draws(111111, 111111, 222222)
		);
		expect([first.code, second.code]).toEqual(['111111', '222222']);
		app.clock.advance(5 * MINUTE);
		const again = await openSignIn(app, office.trainer, session.id, { minutes: 30 }, draws(333333));
		expect(again).toEqual({ code: '111111', expiresAt: app.clock.now() + 30 * MINUTE });
		// Once the first code has expired, the same digits may be drawn for another session.
		app.clock.advance(31 * MINUTE);
		const third = await scheduleSession(
			app,
			office.trainer,
			sessionInput(office, { title: '第三场' })
		);
		expect((await openSignIn(app, office.trainer, third.id, {}, draws(111111))).code).toBe(
			'111111'
		);
	});

	it('opens only from 30 minutes before the start until the end, and not when cancelled', async () => {
		const app = await createTestApp();
		const office = await classroomOffice(app);
		const session = await schedule(app, office);
		app.clock.set(session.startsAt - 31 * MINUTE);
		expect(
			await problemKeys(async () => await openSignIn(app, office.trainer, session.id))
		).toEqual(['classroom.error.signInWindow']);
		app.clock.set(session.endsAt);
		expect(
			await problemKeys(async () => await openSignIn(app, office.trainer, session.id))
		).toEqual(['classroom.error.signInWindow']);
		app.clock.set(session.startsAt);
		expect(
			await problemKeys(
				async () => await openSignIn(app, office.trainer, session.id, { minutes: 0 })
			)
		).toEqual(['classroom.error.badMinutes']);
		const { code } = await openSignIn(app, office.trainer, session.id, {}, draws(9));
		await cancelSession(app, office.trainer, session.id);
		expect(
			await problemKeys(async () => await openSignIn(app, office.trainer, session.id))
		).toEqual(['classroom.error.cancelled']);
		expect(await problemKeys(async () => await signInWithCode(app, office.teller, code))).toEqual([
			'classroom.error.wrongCode'
		]);
	});

	it('lets only the session’s trainer, HR or admin open the code', async () => {
		const app = await createTestApp();
		const { office, session } = await heldSession(app);
		await expect(openSignIn(app, office.otherTrainer, session.id)).rejects.toThrow(Forbidden);
		await expect(openSignIn(app, office.teller, session.id)).rejects.toThrow(Forbidden);
		expect((await openSignIn(app, office.hr, session.id, {}, draws(1))).code).toBe('000001');
	});
});
