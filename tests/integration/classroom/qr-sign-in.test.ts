import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { enrolStaff } from '../../../src/lib/server/classroom/roster';
import {
	cancelSession,
	getSignInQr,
	openSignIn,
	signInWithCode,
	signInWithQrToken
} from '../../../src/lib/server/classroom/service';
import { QR_WINDOW_MS } from '../../../src/lib/server/classroom/qr-token';
import { sessionAttendance } from '../../../src/lib/server/db/schema';
import { Forbidden } from '../../../src/lib/server/errors';
import { qrSvg } from '../../../src/lib/server/qr/service';
import { createTestApp, type TestApp } from '../../helpers/app';
import { classroomOffice, problemKeys, problemsOf, schedule, type Office } from './setup';

const MINUTE = 60_000;
const ORIGIN = 'https://qualify.example';

async function openRoom(app: TestApp, minutes = 15) {
	const office = await classroomOffice(app);
	const session = await schedule(app, office);
	await enrolStaff(app, office.trainer, session.id, 'R101 R102');
	// At a window's start, so "the next window" is a known 30 s away.
	app.clock.set(Math.floor((session.startsAt - 10 * MINUTE) / QR_WINDOW_MS) * QR_WINDOW_MS);
	await openSignIn(app, office.trainer, session.id, { minutes });
	return { office, session };
}

/** The token in the URL the trainer's screen shows now. */
async function shownToken(app: TestApp, office: Office, id: number): Promise<string> {
	const qr = await getSignInQr(app, office.trainer, id, ORIGIN);
	expect(qr).not.toBeNull();
	const url = new URL(qr!.url);
	expect(url.origin + url.pathname.replace(/[^/]+$/, '')).toBe(`${ORIGIN}/sessions/scan/`);
	return url.pathname.split('/').pop()!;
}

async function methodsOf(app: TestApp, staffId: number): Promise<string[]> {
	const rows = await app.db
		.select()
		.from(sessionAttendance)
		.where(eq(sessionAttendance.staffId, staffId))
		.all();
	return rows.map((r) => r.method);
}

describe('QR sign-in', () => {
	it('shows the trainer a QR of the scan URL that changes every 30 seconds', async () => {
		const app = await createTestApp();
		const { office, session } = await openRoom(app);
		const qr = (await getSignInQr(app, office.trainer, session.id, ORIGIN))!;
		expect(qr.svg).toBe(await qrSvg(qr.url));
		expect(qr.svg).toMatch(/^<svg[^>]*viewBox/);
		expect(qr.rotatesInMs).toBe(QR_WINDOW_MS);
		const first = await shownToken(app, office, session.id);
		app.clock.advance(29_999);
		expect(await shownToken(app, office, session.id)).toBe(first);
		app.clock.advance(1);
		expect(await shownToken(app, office, session.id)).not.toBe(first);
		// Only the session's trainer, HR or admin see it.
		await expect(getSignInQr(app, office.teller, session.id, ORIGIN)).rejects.toThrow(Forbidden);
	});

	it('signs an enrolled learner in with the current or the previous code, not an older one', async () => {
		const app = await createTestApp();
		const { office, session } = await openRoom(app);
		const token = await shownToken(app, office, session.id);
		app.clock.advance(QR_WINDOW_MS + 20_000); // scanned as the screen changed: previous window
		expect(await signInWithQrToken(app, office.teller, token)).toEqual({
			sessionId: session.id,
			title: session.title,
			classHours: 2.5
		});
		expect(await methodsOf(app, office.teller.id)).toEqual(['qr']);

		app.clock.advance(QR_WINDOW_MS); // two windows on: expired
		expect(
			await problemKeys(async () => await signInWithQrToken(app, office.colleague, token))
		).toEqual(['qr.error.expired']);
		expect(await methodsOf(app, office.colleague.id)).toEqual([]);
		const fresh = await shownToken(app, office, session.id);
		await signInWithQrToken(app, office.colleague, fresh);
		expect(await methodsOf(app, office.colleague.id)).toEqual(['qr']);
	});

	it('applies the code’s rules: enrolment, one sign-in, the open window', async () => {
		const app = await createTestApp();
		const { office, session } = await openRoom(app, 10);
		const token = await shownToken(app, office, session.id);
		expect(
			await problemsOf(async () => await signInWithQrToken(app, office.cityTeller, token))
		).toEqual([{ key: 'classroom.error.codeNotEnrolled', params: { title: session.title } }]);
		await signInWithQrToken(app, office.teller, token);
		expect(
			await problemKeys(async () => await signInWithQrToken(app, office.teller, token))
		).toEqual(['classroom.error.alreadySignedIn']);
		// Once the sign-in closes (the 6-digit code expired), no QR is shown and none works.
		app.clock.advance(10 * MINUTE - 5_000);
		const last = await shownToken(app, office, session.id);
		app.clock.advance(5_000);
		expect(await getSignInQr(app, office.trainer, session.id, ORIGIN)).toBeNull();
		expect(
			await problemKeys(async () => await signInWithQrToken(app, office.colleague, last))
		).toEqual(['classroom.error.expiredCode']);
		expect(await methodsOf(app, office.colleague.id)).toEqual([]);
	});

	it('refuses forged tokens, counting them with wrong codes toward the same lockout', async () => {
		const app = await createTestApp();
		const { office, session } = await openRoom(app, 60);
		const token = await shownToken(app, office, session.id);
		const forged = `${session.id}.${'A'.repeat(22)}`;
		for (let i = 0; i < 3; i++) {
			expect(
				await problemKeys(async () => await signInWithQrToken(app, office.teller, forged))
			).toEqual(['qr.error.invalid']);
		}
		expect(
			await problemKeys(async () => await signInWithQrToken(app, office.teller, 'junk'))
		).toEqual(['qr.error.invalid']);
		// The fifth wrong try is a wrong 6-digit code: one throttle for both ways in.
		expect(
			await problemKeys(async () => await signInWithCode(app, office.teller, '999999'))
		).toEqual(['classroom.error.wrongCode']);
		expect(
			await problemKeys(async () => await signInWithQrToken(app, office.teller, token))
		).toEqual(['classroom.error.tooManyTries']);
		expect(await methodsOf(app, office.teller.id)).toEqual([]);
		// A token made for one session does not name another.
		const other = token.replace(/^\d+/, String(session.id + 1));
		expect(
			await problemKeys(async () => await signInWithQrToken(app, office.colleague, other))
		).toEqual(['qr.error.invalid']);
	});

	it('stops working when the session is cancelled', async () => {
		const app = await createTestApp();
		const { office, session } = await openRoom(app, 10);
		const token = await shownToken(app, office, session.id);
		await cancelSession(app, office.trainer, session.id);
		expect(
			await problemKeys(async () => await signInWithQrToken(app, office.teller, token))
		).toEqual(['classroom.error.expiredCode']);
	});
});
