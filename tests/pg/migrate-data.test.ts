import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { digestTable } from '../../src/lib/server/db/copy';
import { openSqliteSource } from '../../src/lib/server/db/copy-sqlite';
import {
	CopyRefused,
	migratePostgresToSqlite,
	migrateSqliteToPostgres
} from '../../src/lib/server/db/migrate-data';
import { branch } from '../../src/lib/server/db/schema';
import { schemaTables } from '../../src/lib/server/db/schema-tables';
import { saveAnswerGrouped } from '../../src/lib/server/exams/save-answer';
import { makeBranch } from '../helpers/factories';
import { emptyPostgres, PG_ADMIN_URL } from '../helpers/postgres';
import { openSqliteApp } from '../helpers/sqlite-app';
import { adminQuery } from './admin';
import { answerFor, seedExaminees } from './seed-examinees';

const MIGRATIONS = path.resolve('drizzle');
const PASSWORD = 's3cret-pw';
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
	for (const c of cleanups.splice(0).reverse()) await c();
});

/** The database URL with a password in it (trust auth ignores it): it must never be printed. */
function withPassword(url: string): string {
	const u = new URL(url);
	u.password = PASSWORD;
	return u.toString();
}

async function target(): Promise<string> {
	const pg = await emptyPostgres();
	cleanups.push(pg.drop);
	return withPassword(pg.url);
}

/** An SQLite office with staff, a bank, an exam, attempts and saved answers, and odd links. */
async function office() {
	const a = await openSqliteApp();
	cleanups.push(a.close);
	const examinees = await seedExaminees(a, 4);
	for (const e of examinees) {
		for (let seq = 1; seq <= e.types.length; seq++) {
			await saveAnswerGrouped(a, e.user, e.attemptId, {
				position: seq,
				answer: answerFor(e.types[seq - 1]!, seq),
				flagged: seq % 3 === 0,
				seq
			});
		}
	}
	// A branch whose parent has a higher id: copied in id order, the link must be set late.
	const child = await makeBranch(a, { name: '城关分理处' });
	const parent = await makeBranch(a, { name: '县支行' });
	await a.db.update(branch).set({ parentId: parent.id }).where(eq(branch.id, child.id)).run();
	return Object.assign(a, { examinees });
}

/** The first row of a query on the PostgreSQL database `url`. */
async function one<R extends Record<string, unknown>>(url: string, text: string): Promise<R> {
	const [row] = await adminQuery<R>(url, text);
	return row!;
}

function cli(env: Record<string, string>, args: string[]): Promise<{ code: number; out: string }> {
	return new Promise((resolve, reject) => {
		const child = spawn(
			path.resolve('node_modules/.bin/tsx'),
			['src/lib/server/cli/main.ts', ...args],
			{ env: { ...process.env, DATABASE_URL: '', ...env } }
		);
		let out = '';
		child.stdout.on('data', (d: Buffer) => (out += d.toString()));
		child.stderr.on('data', (d: Buffer) => (out += d.toString()));
		child.on('error', reject);
		child.on('close', (code) => resolve({ code: code ?? 1, out }));
	});
}

async function sqliteDigests(file: string): Promise<Map<string, string>> {
	const source = openSqliteSource(file);
	try {
		const digests = new Map<string, string>();
		for (const t of schemaTables()) {
			const d = await digestTable(source, t);
			digests.set(t.name, `${d.rows}:${d.checksum}`);
		}
		return digests;
	} finally {
		await source.close();
	}
}

function sqliteCount(file: string, table: string): number {
	const db = new BetterSqlite3(file, { readonly: true });
	try {
		return db.prepare(`select count(*) from ${table}`).pluck().get() as number;
	} finally {
		db.close();
	}
}

describe.skipIf(!PG_ADMIN_URL)('migrate-data between SQLite and PostgreSQL', () => {
	it('copies an office into an empty PostgreSQL database and back, every table equal', async () => {
		const a = await office();
		const url = await target();

		const run = await cli({ DATABASE_PATH: a.file }, ['migrate-data', '--to', url]);
		expect(run.out).not.toContain(PASSWORD);
		expect(run.code).toBe(0);
		expect(run.out).toMatch(/attempt_answer\s+\d+\s+[0-9a-f]{16}\s+ok/);
		expect(run.out).toMatch(/every count and checksum matches/);
		expect(run.out).not.toMatch(/MISMATCH/);

		// Counted on each side by plain SQL, not by the copy's own reading.
		for (const table of ['staff', 'attempt', 'attempt_answer', 'question_version', 'branch']) {
			const { n } = await one<{ n: string }>(url, `select count(*) as n from ${table}`);
			expect(Number(n), table).toBe(sqliteCount(a.file, table));
		}
		expect(sqliteCount(a.file, 'attempt_answer')).toBeGreaterThan(0);

		const back = path.join(a.dir, 'copy', 'qualify.db');
		const reverse = await migratePostgresToSqlite(url, back, { migrationsFolder: MIGRATIONS });
		expect(reverse.committed).toBe(true);
		expect(reverse.checks.every((c) => c.ok)).toBe(true);
		expect(await sqliteDigests(back)).toEqual(await sqliteDigests(a.file));

		// Ids go on after the copied ones, and the roster counter's trigger works again.
		const { max } = await one<{ max: number }>(url, 'select max(id) as max from branch');
		const { version } = await one<{ version: string }>(url, 'select version from roster_version');
		const { id } = await one<{ id: number }>(
			url,
			`insert into branch (code, name, type, created_at) values ('NEW', '新网点', 'rural', 0) returning id`
		);
		expect(id).toBe(max + 1);
		const { version: after } = await one<{ version: string }>(
			url,
			'select version from roster_version'
		);
		expect(Number(after)).toBe(Number(version) + 1);
	}, 90_000);

	it('refuses a PostgreSQL database that already holds rows, naming the table', async () => {
		const a = await office();
		const url = await target();
		const first = await migrateSqliteToPostgres(a.file, url, { migrationsFolder: MIGRATIONS });
		expect(first.committed).toBe(true);

		const again = migrateSqliteToPostgres(a.file, url, { migrationsFolder: MIGRATIONS });
		await expect(again).rejects.toThrow(CopyRefused);
		await expect(again).rejects.toThrow(/is not empty: table \w+ holds \d+ row\(s\)/);
		await expect(again).rejects.not.toThrow(new RegExp(PASSWORD));
		// Nothing was added by the refused copy.
		const { n } = await one<{ n: string }>(url, 'select count(*) as n from attempt_answer');
		expect(Number(n)).toBe(sqliteCount(a.file, 'attempt_answer'));
	}, 60_000);

	it('refuses to copy PostgreSQL into an SQLite file that holds data, and leaves the file', async () => {
		const a = await office();
		const url = await target();
		await migrateSqliteToPostgres(a.file, url, { migrationsFolder: MIGRATIONS });
		await a.shut();
		const before = fs.readFileSync(a.file);
		await expect(
			migratePostgresToSqlite(url, a.file, { migrationsFolder: MIGRATIONS })
		).rejects.toThrow(/SQLite .*qualify\.db is not empty: table \w+ holds/);
		expect(fs.readFileSync(a.file).equals(before)).toBe(true);
	}, 60_000);

	it('copies a consistent moment of a database the app keeps writing', async () => {
		const a = await office();
		const url = await target();
		const e = a.examinees[0];
		let stop = false;
		let saved = 0;
		let lastAcked = 0;
		const saver = (async () => {
			for (let seq = 1; !stop; seq++) {
				await saveAnswerGrouped(a, e!.user, e!.attemptId, {
					position: 1 + (seq % e!.types.length),
					answer: answerFor(e!.types[seq % e!.types.length]!, seq),
					flagged: false,
					seq
				});
				saved++;
				lastAcked = seq;
				await new Promise((r) => setTimeout(r, 1));
			}
		})();
		await new Promise((r) => setTimeout(r, 50));
		const savedBefore = saved;
		const ackedBefore = lastAcked;
		const result = await migrateSqliteToPostgres(a.file, url, { migrationsFolder: MIGRATIONS });
		const savedDuring = saved - savedBefore;
		stop = true;
		await saver;
		expect(savedDuring).toBeGreaterThan(0);
		expect(result.committed).toBe(true);
		expect(result.checks.filter((c) => !c.ok)).toEqual([]);
		// Every answer acknowledged before the copy began is in the copy.
		const { top } = await one<{ top: string }>(
			url,
			`select max(seq) as top from attempt_answer where attempt_id = ${e!.attemptId}`
		);
		expect(ackedBefore).toBeGreaterThan(0);
		expect(Number(top)).toBeGreaterThanOrEqual(ackedBefore);
	}, 60_000);
});
