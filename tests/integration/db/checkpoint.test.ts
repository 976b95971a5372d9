import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, exec, inTransaction } from '../../../src/lib/server/db';
import { openSqlite } from '../../../src/lib/server/db/sqlite';

const dirs: string[] = [];
afterEach(() => {
	for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function fresh() {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qualify-ckpt-'));
	dirs.push(dir);
	const file = path.join(dir, 't.db');
	return { database: openSqlite(file), file };
}

async function write(db: ReturnType<typeof fresh>['database']['db'], rows: number): Promise<void> {
	await inTransaction(db, async (tx) => {
		for (let i = 0; i < rows; i++)
			await exec(tx, 'insert into t (body) values (?)', ['x'.repeat(500)]);
	});
}

describe('WAL checkpoints', () => {
	it('leaves the committing connection alone and checkpoints from a worker thread', async () => {
		const { database, file } = fresh();
		await exec(database.db, 'create table t (id integer primary key, body text)');
		// An interval longer than the test: only the explicit checkpoint below may run.
		database.checkpointInBackground(600_000);
		expect(database.writer.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
		const small = fs.statSync(file).size;
		// Far past SQLite's automatic threshold of 1,000 pages: no commit may fold the log back.
		await write(database.db, 20_000);
		expect(fs.statSync(file).size).toBe(small);
		await database.checkpoint();
		expect(fs.statSync(file).size).toBeGreaterThan(small + 5_000_000);
		await closeDatabase(database.db);
	});

	it('checkpoints on commit again when it is not asked to work in the background', async () => {
		const { database } = fresh();
		expect(database.writer.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
		await closeDatabase(database.db);
	});
});
