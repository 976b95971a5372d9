import type { RequestEvent } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { handle } from '../../../src/hooks.server';
import { SESSION_COOKIE } from '../../../src/lib/server/auth/cookie';
import {
	createSession,
	toSessionUser,
	validateSessionToken
} from '../../../src/lib/server/auth/session';
import { bootApp } from '../../../src/lib/server/boot';
import { attempt, attemptAnswer } from '../../../src/lib/server/db/schema';
import { startAttempt } from '../../../src/lib/server/exams/attempts';
import { POST as saveAnswerApi } from '../../../src/routes/api/attempts/[id]/answers/+server';
import { POST as startAttemptApi } from '../../../src/routes/api/exams/[examId]/attempts/+server';
import { POST as logout } from '../../../src/routes/logout/+server';
import { createTestApp } from '../../helpers/app';
import { makeBank, makeExam } from '../../helpers/exams';
import { makeBranch, makeStaff } from '../../helpers/factories';

const ORIGIN = 'https://qualify.example.cn';
// A sibling subdomain is the same site, so a SameSite=Lax session cookie still rides along.
const SIBLING = 'https://blog.example.cn';

type Endpoint = (event: RequestEvent) => Response | Promise<Response>;

async function setup() {
	const app = await createTestApp();
	// The hook serves the booted app; here it is this test's database.
	await bootApp(app.config, app.clock);
	const staff = await makeStaff(app, { branchId: (await makeBranch(app)).id });
	const teller = toSessionUser(staff, ['learner']);
	const { token } = await createSession(app, teller.id);
	const examId = await makeExam(app, await makeBank(app));
	return { app, teller, token, examId };
}

/**
 * A POST through the server hook, as a browser on `origin` sends it (no origin: a non-browser
 * client), on to `endpoint` if the hook lets it through.
 */
async function post(
	endpoint: Endpoint,
	where: { path: string; routeId: string; params: Record<string, string> },
	token: string,
	origin: string | null,
	body?: BodyInit
): Promise<Response> {
	const url = new URL(where.path, ORIGIN);
	const headers: Record<string, string> = origin ? { origin } : {};
	if (typeof body === 'string') headers['content-type'] = 'application/json';
	const event = {
		url,
		request: new Request(url, { method: 'POST', headers, body }),
		route: { id: where.routeId },
		params: where.params,
		isDataRequest: false,
		locals: {},
		cookies: {
			get: (name: string) => (name === SESSION_COOKIE ? token : undefined),
			set: () => undefined,
			delete: () => undefined
		},
		getClientAddress: () => '10.0.0.8'
	} as unknown as RequestEvent;
	return handle({ event, resolve: (e) => Promise.resolve(endpoint(e)) });
}

describe('the same-origin rule, applied by the server hook to every route', () => {
	it('does not start an attempt for a bodiless POST from a sibling subdomain', async () => {
		const { app, examId, token } = await setup();
		const where = {
			path: `/api/exams/${examId}/attempts`,
			routeId: '/api/exams/[examId]/attempts',
			params: { examId: String(examId) }
		};
		const forged = await post(startAttemptApi as Endpoint, where, token, SIBLING);
		expect(forged.status).toBe(403);
		expect(await forged.json()).toMatchObject({ error: 'error.crossOrigin' });
		expect(await app.db.select().from(attempt).all()).toHaveLength(0);

		const own = await post(startAttemptApi as Endpoint, where, token, ORIGIN);
		expect(own.status).toBe(200);
		const bench = await post(startAttemptApi as Endpoint, where, token, null);
		expect(bench.status).toBe(200);
		expect(await app.db.select().from(attempt).all()).toHaveLength(1);
	});

	it('does not save an answer posted from a sibling subdomain or an opaque origin', async () => {
		const { app, teller, examId, token } = await setup();
		const a = await startAttempt(app, teller, examId);
		const where = {
			path: `/api/attempts/${a.id}/answers`,
			routeId: '/api/attempts/[id]/answers',
			params: { id: String(a.id) }
		};
		const save = (seq: number) =>
			JSON.stringify({ position: 1, answer: { choice: 'A' }, flagged: false, seq });
		const blob = new Blob([save(1)], { type: 'application/json' });
		expect((await post(saveAnswerApi as Endpoint, where, token, SIBLING, blob)).status).toBe(403);
		expect((await post(saveAnswerApi as Endpoint, where, token, 'null', save(2))).status).toBe(403);
		expect(await app.db.select().from(attemptAnswer).all()).toHaveLength(0);

		const own = await post(saveAnswerApi as Endpoint, where, token, ORIGIN, save(3));
		expect(own.status).toBe(200);
		expect(await own.json()).toMatchObject({ stored: true });
		expect((await post(saveAnswerApi as Endpoint, where, token, null, save(4))).status).toBe(200);
		expect(await app.db.select().from(attemptAnswer).all()).toHaveLength(1);
	});

	it('does not sign the person out for a POST /logout from another origin', async () => {
		const { app, token } = await setup();
		const where = { path: '/logout', routeId: '/logout', params: {} };
		const forged = await post(logout as Endpoint, where, token, SIBLING);
		expect(forged.status).toBe(403);
		expect(await validateSessionToken(app, token)).not.toBeNull();
	});
});
