import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../src/lib/server/context';
import { backupSqlite } from '../../../src/lib/server/db/backup';
import { RestoreRefused, restoreSqlite } from '../../../src/lib/server/db/restore';
import { saveAnswerGrouped } from '../../../src/lib/server/exams/save-answer';
import { openSqliteApp } from '../../helpers/sqlite-app';
import { answerFor, seedExaminees, type Examinee } from '../../pg/seed-examinees';

const MIGRATIONS = path.resolve('drizzle');
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
	for (const c of cleanups.splice(0)) await c();
});

async function app() {
	const a = await openSqliteApp();
	cleanups.push(a.close);
	return a;
}

/** Runs `npm run cli -- <args>` on the SQLite file `file` in a process of its own. */
function cli(file: string, args: string[]): Promise<{ code: number; out: string }> {
	return new Promise((resolve, reject) => {
		const child = spawn(
			path.resolve('node_modules/.bin/tsx'),
			['src/lib/server/cli/main.ts', ...args],
			{ env: { ...process.env, DATABASE_PATH: file, DATABASE_URL: '' } }
		);
		let out = '';
		child.stdout.on('data', (d: Buffer) => (out += d.toString()));
		child.stderr.on('data', (d: Buffer) => (out += d.toString()));
		child.on('error', reject);
		child.on('close', (code) => resolve({ code: code ?? 1, out }));
	});
}

/** Saves answers through the exam engine until `state.stop`; records each acknowledged one. */
async function answering(
	ctx: AppContext,
	e: Examinee,
	acked: Map<string, number>,
	state: { stop: boolean }
): Promise<void> {
	let seq = 0;
	while (!state.stop) {
		seq++;
		const position = 1 + (seq % e.types.length);
		const answer = answerFor(e.types[position - 1]!, seq);
		const result = await saveAnswerGrouped(ctx, e.user, e.attemptId, {
			position,
			answer,
			flagged: false,
			seq
		});
		if (result.seq >= seq) acked.set(`${e.attemptId}:${position}`, seq);
		await new Promise((r) => setTimeout(r, 2));
	}
}

function storedAnswers(file: string): Map<string, number> {
	const db = new BetterSqlite3(file, { readonly: true });
	try {
		const rows = db
			.prepare(`select attempt_id || ':' || position as k, seq from attempt_answer`)
			.all() as { k: string; seq: number }[];
		return new Map(rows.map((r) => [r.k, r.seq]));
	} finally {
		db.close();
	}
}

describe('backup and restore of the SQLite database', () => {
	it('takes a backup while answers are saved, and the restored copy has every answer acknowledged before it', async () => {
		const a = await app();
		const examinees = await seedExaminees(a, 12);
		const acked = new Map<string, number>();
		const state = { stop: false };
		const savers = examinees.map((e) => answering(a, e, acked, state));
		try {
			await new Promise((r) => setTimeout(r, 300));
			const before = new Map(acked);
			const ackedBefore = [...acked.values()].reduce((n, s) => n + s, 0);
			const backupFile = path.join(a.dir, 'backup.db');
			const run = await cli(a.file, ['backup', backupFile]);
			const ackedDuring = [...acked.values()].reduce((n, s) => n + s, 0) - ackedBefore;
			expect(run.out).toMatch(/Backed up .* to .*backup\.db: [\d.]+ [KM]B in [\d.]+ s\./);
			expect(run.code).toBe(0);
			// The app kept saving while the backup ran in another process.
			expect(ackedDuring).toBeGreaterThan(0);
			expect(fs.statSync(backupFile).mode & 0o777).toBe(0o600);

			const restored = path.join(a.dir, 'restored', 'qualify.db');
			const result = restoreSqlite(backupFile, restored, { migrationsFolder: MIGRATIONS });
			expect(result.keptAs).toBeNull();
			expect(result.standing.state).toBe('current');
			const stored = storedAnswers(restored);
			expect(before.size).toBeGreaterThan(0);
			const lost = [...before].filter(([k, seq]) => (stored.get(k) ?? 0) < seq);
			expect(lost).toEqual([]);
		} finally {
			state.stop = true;
			await Promise.all(savers);
		}
	}, 60_000);

	it('keeps the replaced database beside the restored one', async () => {
		const a = await app();
		const [e] = await seedExaminees(a, 1);
		const backupFile = path.join(a.dir, 'backup.db');
		await backupSqlite(a.file, backupFile);
		await saveAnswerGrouped(a, e!.user, e!.attemptId, {
			position: 1,
			answer: answerFor(e!.types[0]!, 1),
			flagged: false,
			seq: 1
		});
		await a.shut();

		const result = restoreSqlite(backupFile, a.file, {
			migrationsFolder: MIGRATIONS,
			now: Date.parse('2026-05-01T08:00:00Z')
		});
		expect(result.keptAs).toBe(`${a.file}.before-restore-2026-05-01T08-00-00Z`);
		// The answer saved after the backup is in the kept file only.
		expect(storedAnswers(result.keptAs!).get(`${e!.attemptId}:1`)).toBe(1);
		expect(storedAnswers(a.file).has(`${e!.attemptId}:1`)).toBe(false);
		expect(fs.existsSync(`${a.file}-wal`)).toBe(false);
	});

	it('refuses while the app has the database open, unless forced', async () => {
		const a = await app();
		const backupFile = path.join(a.dir, 'backup.db');
		await backupSqlite(a.file, backupFile);
		expect(() => restoreSqlite(backupFile, a.file, { migrationsFolder: MIGRATIONS })).toThrow(
			/is open in another process: is Qualify running on it\? Stop it first/
		);
		// Nothing was moved: the app's file is where it was, and no copy was left behind.
		expect(fs.readdirSync(a.dir).sort()).toEqual(
			['backup.db', 'qualify.db', 'qualify.db-shm', 'qualify.db-wal'].sort()
		);
		const forced = restoreSqlite(backupFile, a.file, { migrationsFolder: MIGRATIONS, force: true });
		expect(forced.keptAs).toMatch(/qualify\.db\.before-restore-/);
	});

	it('refuses to overwrite a file or write into a missing folder', async () => {
		const a = await app();
		const taken = path.join(a.dir, 'taken.db');
		fs.writeFileSync(taken, 'an earlier backup');
		await expect(backupSqlite(a.file, taken)).rejects.toThrow(
			/taken\.db exists already; backups are never overwritten/
		);
		expect(fs.readFileSync(taken, 'utf8')).toBe('an earlier backup');
		await expect(backupSqlite(a.file, path.join(a.dir, 'nope', 'b.db'))).rejects.toThrow(
			/the folder .*nope does not exist/
		);
	});

	it('refuses a file that is not an SQLite database', async () => {
		const a = await app();
		const junk = path.join(a.dir, 'notes.txt');
		fs.writeFileSync(junk, '这不是数据库'.repeat(200));
		await a.shut();
		expect(() => restoreSqlite(junk, a.file, { migrationsFolder: MIGRATIONS })).toThrow(
			/notes\.txt is not an SQLite database \(it lacks SQLite's file header\)/
		);
	});

	it('refuses an SQLite database that is not a Qualify one', async () => {
		const a = await app();
		const other = path.join(a.dir, 'other.db');
		const db = new BetterSqlite3(other);
		db.exec('create table note (id integer primary key, body text)');
		db.close();
		await a.shut();
		expect(() => restoreSqlite(other, a.file, { migrationsFolder: MIGRATIONS })).toThrow(
			/other\.db: not a Qualify database: it has no Qualify migration history/
		);
	});

	it('refuses a damaged backup and leaves the database as it was', async () => {
		const a = await app();
		await seedExaminees(a, 3);
		const backupFile = path.join(a.dir, 'backup.db');
		await backupSqlite(a.file, backupFile);
		await a.shut();
		// Scribble over the middle of every page after the first few (the schema stays readable).
		const fd = fs.openSync(backupFile, 'r+');
		const pageSize = 4096;
		const pages = Math.floor(fs.statSync(backupFile).size / pageSize);
		for (let p = 3; p < pages; p++)
			fs.writeSync(fd, Buffer.alloc(300, 0x5a), 0, 300, p * pageSize + 100);
		fs.closeSync(fd);
		const before = fs.readFileSync(a.file);
		let refusal: unknown;
		try {
			restoreSqlite(backupFile, a.file, { migrationsFolder: MIGRATIONS });
		} catch (e) {
			refusal = e;
		}
		expect(refusal).toBeInstanceOf(RestoreRefused);
		expect((refusal as Error).message).toMatch(/backup\.db is damaged: /);
		expect(fs.readFileSync(a.file).equals(before)).toBe(true);
	});

	it('refuses a backup made by a newer build', async () => {
		const a = await app();
		const backupFile = path.join(a.dir, 'backup.db');
		await backupSqlite(a.file, backupFile);
		await a.shut();
		const db = new BetterSqlite3(backupFile);
		db.prepare('insert into __drizzle_migrations (hash, created_at) values (?, ?)').run(
			'f'.repeat(64),
			Date.parse('2099-01-01')
		);
		db.close();
		expect(() => restoreSqlite(backupFile, a.file, { migrationsFolder: MIGRATIONS })).toThrow(
			/schema is newer than this build \(1 migration\(s\) this build does not know\)/
		);
	});
});
