// A PostgreSQL server that goes away and comes back: the app says "unavailable" (never a crash,
// never a half-written answer) and carries on by itself when the server is back.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../../src/lib/server/clock';
import type { Config } from '../../src/lib/server/config';
import type { AppContext } from '../../src/lib/server/context';
import { closeDatabase, isDatabaseUnavailable } from '../../src/lib/server/db';
import { openDatabase } from '../../src/lib/server/db/open';
import { saveAnswerGrouped } from '../../src/lib/server/exams/save-answer';
import { adminQuery } from './admin';
import { startCluster, type Cluster } from './cluster';
import { answerFor, seedExaminees, type Examinee } from './seed-examinees';

let cluster: Cluster;
let ctx: AppContext;
let examinee: Examinee;

beforeAll(async () => {
	cluster = await startCluster();
	const config = {
		databaseUrl: cluster.url,
		databasePath: '',
		migrationsFolder: path.resolve('drizzle'),
		sessionIdleMs: 3_600_000,
		sessionAbsoluteMs: 4 * 3_600_000
	} as unknown as Config;
	const database = await openDatabase(config);
	ctx = { db: database.db, clock: new FakeClock('2026-03-02T01:00:00Z'), config };
	examinee = (await seedExaminees(ctx, 1))[0]!;
}, 60_000);

afterAll(async () => {
	await closeDatabase(ctx.db);
	cluster.remove();
});

const save = (seq: number) =>
	saveAnswerGrouped(ctx, examinee.user, examinee.attemptId, {
		position: 1,
		answer: answerFor(examinee.types[0]!, seq),
		flagged: false,
		seq
	});

describe('a PostgreSQL server that goes away', () => {
	it('refuses saves as unavailable while it is down and saves again once it is back', async () => {
		expect((await save(1)).stored).toBe(true);
		cluster.stop('immediate');
		const refused = await save(2).then(
			() => null,
			(e: unknown) => e
		);
		expect(refused).not.toBeNull();
		expect(isDatabaseUnavailable(refused)).toBe(true);

		await startCluster({ dataDir: path.join(cluster.dir, 'data'), port: cluster.port });
		// The same open database, no restart of the app: the pool finds the server again.
		expect((await save(3)).stored).toBe(true);
		const rows = await adminQuery<{ seq: number }>(
			cluster.url,
			'select seq from attempt_answer where attempt_id = $1 and position = 1',
			[examinee.attemptId]
		);
		expect(rows.map((r) => Number(r.seq))).toEqual([3]);
	}, 60_000);

	it('names the problem of a wrong DATABASE_URL without printing its password', async () => {
		const wrong = {
			databaseUrl: `postgres://qualify:s3cret-pw@127.0.0.1:1/qualify`,
			migrationsFolder: path.resolve('drizzle')
		} as unknown as Config;
		const problem = await openDatabase(wrong).then(
			() => null,
			(e: unknown) => (e as Error).message
		);
		expect(problem).toMatch(/PostgreSQL at qualify@127\.0\.0\.1:1\/qualify/);
		expect(problem).toMatch(/ECONNREFUSED|no usable PostgreSQL server/);
		expect(problem).not.toContain('s3cret-pw');

		const unreadable = await openDatabase({
			...wrong,
			databaseUrl: 'postgres://u:pw@h/db?target_session_attrs=primary-ish'
		}).then(
			() => null,
			(e: unknown) => (e as Error).message
		);
		expect(unreadable).toMatch(/^DATABASE_URL: target_session_attrs=primary-ish is not supported/);
		expect(unreadable).not.toContain('pw@');
	});
});
