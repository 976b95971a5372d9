import { describe, expect, it } from 'vitest';
import { toSessionUser } from '../../../src/lib/server/auth/session';
import { attempt, attemptAnswer } from '../../../src/lib/server/db/schema';
import { startAttempt } from '../../../src/lib/server/exams/attempts';
import { POST as saveAnswerApi } from '../../../src/routes/api/attempts/[id]/answers/+server';
import { POST as startAttemptApi } from '../../../src/routes/api/exams/[examId]/attempts/+server';
import { createTestApp } from '../../helpers/app';
import { makeBank, makeExam } from '../../helpers/exams';
import { makeBranch, makeStaff } from '../../helpers/factories';

const ORIGIN = 'https://qualify.example.cn';
// A sibling subdomain is the same site, so a SameSite=Lax session cookie still rides along.
const SIBLING = 'https://blog.example.cn';

async function setup() {
	const app = createTestApp();
	const teller = toSessionUser(await makeStaff(app, { branchId: makeBranch(app).id }), ['learner']);
	const examId = makeExam(app, makeBank(app));
	const locals = { ctx: app, user: teller, session: null, locale: 'zh-CN' };
	return { app, teller, examId, locals };
}

/** A POST as a browser on `origin` sends it; no origin is a non-browser client. */
function post(path: string, origin: string | null, body?: BodyInit) {
	const url = new URL(path, ORIGIN);
	const headers: Record<string, string> = origin ? { origin } : {};
	if (typeof body === 'string') headers['content-type'] = 'application/json';
	return { url, request: new Request(url, { method: 'POST', headers, body }) };
}

describe('JSON exam endpoints refuse requests from another origin', () => {
	it('does not start an attempt for a bodiless POST from a sibling subdomain', async () => {
		const { app, examId, locals } = await setup();
		const path = `/api/exams/${examId}/attempts`;
		const params = { examId: String(examId) };
		const forged = await startAttemptApi({ ...post(path, SIBLING), locals, params } as never);
		expect(forged.status).toBe(403);
		expect(await forged.json()).toMatchObject({ error: 'error.forbidden' });
		expect(app.db.select().from(attempt).all()).toHaveLength(0);

		const own = await startAttemptApi({ ...post(path, ORIGIN), locals, params } as never);
		expect(own.status).toBe(200);
		const bench = await startAttemptApi({ ...post(path, null), locals, params } as never);
		expect(bench.status).toBe(200);
		expect(app.db.select().from(attempt).all()).toHaveLength(1);
	});

	it('does not save an answer posted from a sibling subdomain', async () => {
		const { app, teller, examId, locals } = await setup();
		const a = startAttempt(app, teller, examId);
		const path = `/api/attempts/${a.id}/answers`;
		const params = { id: String(a.id) };
		const save = (seq: number) =>
			JSON.stringify({ position: 1, answer: { choice: 'A' }, flagged: false, seq });
		const blob = new Blob([save(1)], { type: 'application/json' });
		const forged = await saveAnswerApi({ ...post(path, SIBLING, blob), locals, params } as never);
		expect(forged.status).toBe(403);
		const nullOrigin = await saveAnswerApi({
			...post(path, 'null', save(2)),
			locals,
			params
		} as never);
		expect(nullOrigin.status).toBe(403);
		expect(app.db.select().from(attemptAnswer).all()).toHaveLength(0);

		const own = await saveAnswerApi({ ...post(path, ORIGIN, save(3)), locals, params } as never);
		expect(own.status).toBe(200);
		expect(await own.json()).toMatchObject({ stored: true });
		const bench = await saveAnswerApi({ ...post(path, null, save(4)), locals, params } as never);
		expect(bench.status).toBe(200);
		expect(app.db.select().from(attemptAnswer).all()).toHaveLength(1);
	});
});
