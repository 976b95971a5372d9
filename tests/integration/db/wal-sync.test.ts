import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, exec, inTransaction, rows, type Db } from '../../../src/lib/server/db';
import { openSqlite, type SqliteOptions } from '../../../src/lib/server/db/sqlite';
import { KeptFile, WalSyncer } from '../../../src/lib/server/db/wal-sync';

const opened: { db: Db; dir: string }[] = [];
afterEach(async () => {
	for (const o of opened.splice(0)) {
		await closeDatabase(o.db);
		fs.rmSync(o.dir, { recursive: true, force: true });
	}
});

/** A sync that waits until the test lets it finish, recording the file it was asked for. */
function heldSync() {
	const calls: { file: string; finish(e?: Error): void }[] = [];
	const syncFile = (file: string) =>
		new Promise<void>((resolve, reject) => {
			calls.push({ file, finish: (e) => (e ? reject(e) : resolve()) });
		});
	return { calls, syncFile };
}

async function fresh(options: SqliteOptions) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qualify-walsync-'));
	const file = path.join(dir, 't.db');
	const database = openSqlite(file, options);
	opened.push({ db: database.db, dir });
	return { database, file };
}

const settled = async (p: Promise<unknown>) => {
	let done = false;
	void p.then(
		() => (done = true),
		() => (done = true)
	);
	for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
	return done;
};

describe('durable commits with the WAL synced off the event loop', () => {
	it('commits with SQLite at NORMAL and answers only after a sync of the WAL begun after the commit', async () => {
		const held = heldSync();
		const { database, file } = await fresh({ synchronous: 'FULL', syncFile: held.syncFile });
		expect(database.writer.pragma('synchronous', { simple: true })).toBe(1);
		const creating = exec(database.db, 'create table note (id integer primary key, body text)');
		expect(await settled(creating)).toBe(false);
		held.calls[0]!.finish();
		await creating;

		const writing = inTransaction(database.db, async (tx) => {
			await exec(tx, "insert into note (body) values ('answer')");
		});
		expect(await settled(writing)).toBe(false);
		// Committed (a reader sees it) but not yet acknowledged: the sync is still running.
		expect(await rows(database.db, 'select body from note')).toEqual([{ body: 'answer' }]);
		expect(held.calls).toHaveLength(2);
		expect(held.calls[1]!.file).toBe(`${file}-wal`);
		held.calls[1]!.finish();
		await writing;
	});

	it('lets the next transaction commit while a sync runs, and serves it with one later sync', async () => {
		const held = heldSync();
		const { database } = await fresh({ synchronous: 'FULL', syncFile: held.syncFile });
		const creating = exec(database.db, 'create table note (id integer primary key, body text)');
		await settled(creating);
		held.calls[0]!.finish();
		await creating;

		const first = inTransaction(database.db, (tx) =>
			exec(tx, "insert into note (body) values ('1')")
		);
		await settled(first);
		const second = inTransaction(database.db, (tx) =>
			exec(tx, "insert into note (body) values ('2')")
		);
		const third = inTransaction(database.db, (tx) =>
			exec(tx, "insert into note (body) values ('3')")
		);
		await settled(third);
		// Both later transactions committed while the first one's sync was held...
		expect(await rows(database.db, 'select count(*) as n from note')).toEqual([{ n: 3 }]);
		expect(held.calls).toHaveLength(2);
		held.calls[1]!.finish();
		await first;
		expect(await settled(second)).toBe(false);
		// ...and one sync, begun after both commits, acknowledges both.
		expect(held.calls).toHaveLength(3);
		held.calls[2]!.finish();
		await Promise.all([second, third]);
	});

	it('fails the write whose sync failed', async () => {
		const held = heldSync();
		const { database } = await fresh({ synchronous: 'FULL', syncFile: held.syncFile });
		const creating = exec(database.db, 'create table note (id integer primary key, body text)');
		await settled(creating);
		held.calls[0]!.finish(new Error('EIO: i/o error, fdatasync'));
		await expect(creating).rejects.toThrow(/EIO/);
	});

	it('does not sync with synchronous=NORMAL (benchmarks only)', async () => {
		const held = heldSync();
		const { database } = await fresh({ synchronous: 'NORMAL', syncFile: held.syncFile });
		await exec(database.db, 'create table note (id integer primary key, body text)');
		await inTransaction(database.db, (tx) => exec(tx, "insert into note (body) values ('x')"));
		expect(held.calls).toHaveLength(0);
	});

	it('syncs a real WAL file, and a missing one is nothing to sync', async () => {
		const { database, file } = await fresh({ synchronous: 'FULL' });
		await exec(database.db, 'create table note (id integer primary key, body text)');
		await inTransaction(database.db, (tx) => exec(tx, "insert into note (body) values ('x')"));
		expect(fs.existsSync(`${file}-wal`)).toBe(true);
		await new WalSyncer(`${file}-missing-wal`).sync();
	});

	it('keeps one descriptor open for every sync of a file, and lets it go on close', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qualify-walsync-'));
		const file = path.join(dir, 'f-wal');
		const descriptorsOf = () =>
			fs.readdirSync('/proc/self/fd').filter((fd) => {
				try {
					return fs.readlinkSync(`/proc/self/fd/${fd}`) === file;
				} catch {
					return false;
				}
			}).length;
		const kept = new KeptFile(file);
		await kept.datasync(); // not there yet: nothing opened
		expect(descriptorsOf()).toBe(0);
		fs.writeFileSync(file, 'frames');
		for (let i = 0; i < 3; i++) await kept.datasync();
		expect(descriptorsOf()).toBe(1);
		kept.close();
		expect(descriptorsOf()).toBe(0);
		fs.rmSync(dir, { recursive: true, force: true });
	});
});
