import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, exec, inTransaction, rows, type Db } from '../../../src/lib/server/db';
import { openSqlite } from '../../../src/lib/server/db/sqlite';

const note = sqliteTable('note', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	body: text('body').notNull(),
	done: integer('done', { mode: 'boolean' }).notNull().default(false)
});

const opened: { db: Db; dir: string }[] = [];
afterEach(async () => {
	for (const o of opened.splice(0)) {
		await closeDatabase(o.db);
		fs.rmSync(o.dir, { recursive: true, force: true });
	}
});

async function fresh(): Promise<Db> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qualify-db-'));
	const { db } = openSqlite(path.join(dir, 't.db'));
	opened.push({ db, dir });
	await exec(
		db,
		'create table note (id integer primary key autoincrement, body text not null, done integer not null default 0)'
	);
	return db;
}

// drizzle wraps what the adapter throws in its own "Failed query" error.
const causedBy = (pattern: RegExp) => (e: unknown) =>
	e instanceof Error && pattern.test(String((e.cause as Error | undefined)?.message ?? e.message));

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('SQLite transactions', () => {
	it('runs builder queries through the awaited handle', async () => {
		const db = await fresh();
		const inserted = await db.insert(note).values({ body: '储蓄' }).returning().get();
		expect(inserted).toEqual({ id: 1, body: '储蓄', done: false });
		const result = await db.update(note).set({ done: true }).where(eq(note.id, 1)).run();
		expect(result.changes).toBe(1);
		expect(await db.select().from(note).all()).toEqual([{ id: 1, body: '储蓄', done: true }]);
		expect(await rows(db, sql`select count(*) as n from ${note}`)).toEqual([{ n: 1 }]);
	});

	it('keeps a concurrent request out of an open transaction', async () => {
		const db = await fresh();
		const order: string[] = [];
		const first = inTransaction(db, async (tx) => {
			await tx.insert(note).values({ body: 'a' }).run();
			order.push('a inserted');
			// Yield several times: a statement of another request must not land in between.
			for (let i = 0; i < 5; i++) await tick();
			const seen = await tx.select().from(note).all();
			order.push(`a sees ${seen.length}`);
			return seen.length;
		});
		const second = (async () => {
			await tick();
			// A read outside the transaction never sees its uncommitted row.
			const before = await db.select().from(note).all();
			order.push(`reader sees ${before.length}`);
			await db.insert(note).values({ body: 'b' }).run();
			order.push('b inserted');
		})();
		expect(await first).toBe(1);
		await second;
		expect(order).toEqual(['a inserted', 'reader sees 0', 'a sees 1', 'b inserted']);
		expect((await db.select().from(note).all()).map((n) => n.body)).toEqual(['a', 'b']);
	});

	it('rolls back everything when the work throws', async () => {
		const db = await fresh();
		await expect(
			inTransaction(db, async (tx) => {
				await tx.insert(note).values({ body: 'lost' }).run();
				await tick();
				throw new Error('refused');
			})
		).rejects.toThrow('refused');
		expect(await db.select().from(note).all()).toEqual([]);
	});

	it('refuses the root handle inside a transaction instead of deadlocking', async () => {
		const db = await fresh();
		await expect(
			inTransaction(db, async () => {
				await db.insert(note).values({ body: 'wrong handle' }).run();
			})
		).rejects.toSatisfy(causedBy(/pass the transaction/));
	});

	it('refuses a transaction handle used after its transaction ended', async () => {
		const db = await fresh();
		const leaked = await inTransaction(db, async (tx) => tx);
		await expect(leaked.select().from(note).all()).rejects.toSatisfy(causedBy(/already ended/));
	});
});
