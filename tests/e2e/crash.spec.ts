import { expect, test } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createSession, toSessionUser } from '../../src/lib/server/auth/session';
import { FakeClock } from '../../src/lib/server/clock';
import type { Config } from '../../src/lib/server/config';
import { closeDatabase, rows } from '../../src/lib/server/db';
import { migrateSqlite, openSqlite } from '../../src/lib/server/db/sqlite';
import { branch, staff, staffRole } from '../../src/lib/server/db/schema';
import { startAttempt } from '../../src/lib/server/exams/attempts';
import { answerFromDisplay } from '../../src/lib/server/exams/option-ids';
import { getPaperMeta } from '../../src/lib/server/exams/paper-cache';
import type { Answer, PaperItem } from '../../src/lib/server/exams/types';
import type { TestApp } from '../helpers/app';
import { makeBank, makeExam } from '../helpers/exams';

const PORT = 4199;
const ROUNDS = 5;

function answerFor(type: string, seq: number): unknown {
	if (type === 'single') return { choice: ['A', 'B', 'C', 'D'][seq % 4] };
	if (type === 'multiple') return { choices: seq % 2 ? ['A', 'C'] : ['B'] };
	if (type === 'true_false') return { value: seq % 2 === 0 };
	return { text: `答案${seq}` };
}

/** A database with one teller mid-exam, and the teller's session token. */
async function prepare(dbPath: string): Promise<{
	attemptId: number;
	token: string;
	types: string[];
	items: PaperItem[];
}> {
	const database = openSqlite(dbPath);
	migrateSqlite(database.writer, path.resolve('drizzle'));
	const { db } = database;
	const now = Date.now();
	const app = {
		db,
		clock: new FakeClock(now),
		config: { sessionIdleMs: 3_600_000, sessionAbsoluteMs: 3_600_000 } as Config,
		dir: path.dirname(dbPath)
	} as TestApp;
	const b = await db
		.insert(branch)
		.values({ code: 'C01', name: '测试支局', type: 'rural', createdAt: now })
		.returning()
		.get();
	const person = await db
		.insert(staff)
		.values({
			employeeNo: 'CRASH1',
			name: '测试员',
			branchId: b.id,
			position: '储蓄员',
			passwordHash: 'x',
			mustChangePassword: false,
			createdAt: now,
			updatedAt: now
		})
		.returning()
		.get();
	await db.insert(staffRole).values({ staffId: person.id, role: 'learner' }).run();
	const examId = await makeExam(app, await makeBank(app), { timeLimitMinutes: 120 });
	const a = await startAttempt(app, toSessionUser(person, ['learner']), examId);
	const { token } = await createSession(app, person.id);
	const { types, items } = (await getPaperMeta(db, a.id))!;
	await closeDatabase(db);
	return { attemptId: a.id, token, types, items };
}

async function waitForHealth(): Promise<void> {
	for (let i = 0; i < 200; i++) {
		try {
			if ((await fetch(`http://localhost:${PORT}/healthz`)).ok) return;
		} catch {
			/* not listening yet */
		}
		await new Promise((r) => setTimeout(r, 50));
	}
	throw new Error('server did not come up');
}

test('killing the server with SIGKILL mid-exam loses no acknowledged answer', async () => {
	test.setTimeout(120_000);
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qualify-crash-'));
	const dbPath = path.join(dir, 'crash.db');
	const { attemptId, token, types, items } = await prepare(dbPath);
	const acked = new Map<number, { seq: number; answer: unknown }>();
	let seq = 0;
	let totalAcked = 0;

	for (let round = 0; round < ROUNDS; round++) {
		const server: ChildProcess = spawn(process.execPath, ['build/index.js'], {
			env: {
				...process.env,
				DATABASE_PATH: dbPath,
				PORT: String(PORT),
				QUALIFY_DEMO: '0',
				LOG_LEVEL: 'error',
				ORIGIN: `http://localhost:${PORT}`
			},
			stdio: 'ignore'
		});
		const exited = new Promise((r) => server.once('exit', r));
		await waitForHealth();
		let killed = false;
		const worker = async (): Promise<void> => {
			while (!killed) {
				const mySeq = ++seq;
				const position = 1 + (mySeq % types.length);
				const answer = answerFor(types[position - 1]!, mySeq);
				try {
					const res = await fetch(`http://localhost:${PORT}/api/attempts/${attemptId}/answers`, {
						method: 'POST',
						headers: { 'content-type': 'application/json', cookie: `qualify_session=${token}` },
						body: JSON.stringify({ position, answer, seq: mySeq })
					});
					const body = (await res.json()) as { stored?: boolean };
					expect(res.status, JSON.stringify(body)).toBe(200);
					if (body.stored) {
						totalAcked++;
						const before = acked.get(position);
						if (!before || before.seq < mySeq) acked.set(position, { seq: mySeq, answer });
					}
				} catch (e) {
					if (!killed) throw e;
				}
			}
		};
		const workers = [worker(), worker(), worker(), worker()];
		await new Promise((r) => setTimeout(r, 200 + ((round * 137) % 400)));
		killed = true;
		server.kill('SIGKILL');
		await exited;
		await Promise.allSettled(workers);
	}

	expect(totalAcked).toBeGreaterThan(ROUNDS * 10);
	const { db } = openSqlite(dbPath);
	const saved = await rows<{ position: number; answer: string; seq: number }>(
		db,
		'select position, answer, seq from attempt_answer where attempt_id = ?',
		[attemptId]
	);
	const stored = new Map(saved.map((r) => [r.position, r]));
	for (const [position, last] of acked) {
		const row = stored.get(position);
		expect(row, `position ${position}`).toBeDefined();
		// A later save may have committed just before the kill without its reply getting out.
		expect(row!.seq).toBeGreaterThanOrEqual(last.seq);
		if (row!.seq === last.seq) {
			// Stored in the question's own option keys; the browser sent this paper's display ids.
			const expected = answerFromDisplay(items[position - 1]!, last.answer as Answer);
			expect(JSON.parse(row!.answer)).toEqual(expected);
		}
	}
	await closeDatabase(db);
	fs.rmSync(dir, { recursive: true, force: true });
});
