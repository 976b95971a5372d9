import { readMigrationFiles } from 'drizzle-orm/migrator';
import type pg from 'pg';
import type { HostPool } from './pg-pool';

// drizzle's own bookkeeping table, so `drizzle-kit` tooling sees the same history.
const TABLE = 'drizzle.__drizzle_migrations';

async function ensureBookkeeping(pool: HostPool): Promise<void> {
	// Two nodes starting together may both create it: PostgreSQL can refuse the second
	// `if not exists` with a duplicate-key error on its catalog; the next try then finds it.
	for (let attempt = 1; ; attempt++) {
		try {
			await pool.query({ text: 'create schema if not exists drizzle' });
			await pool.query({
				text: `create table if not exists ${TABLE} (id serial primary key, hash text not null, created_at bigint)`
			});
			return;
		} catch (e) {
			if (attempt >= 5) throw e;
			await new Promise((r) => setTimeout(r, 50 * attempt));
		}
	}
}

/**
 * Runs `work` while holding the start lock: a table lock on the migrations table, which only
 * one node holds at a time, so nodes starting together migrate and seed one after the other
 * (a row-level lock mode, no advisory lock: every server of the PostgreSQL family has it).
 * `work` gets the locked transaction's client (migrations commit with it).
 */
export async function withStartLock<T>(
	pool: HostPool,
	work: (client: pg.PoolClient) => Promise<T>
): Promise<T> {
	await ensureBookkeeping(pool);
	const client = await pool.connect();
	let failure: unknown = undefined;
	try {
		await client.query('begin');
		await client.query(`lock table ${TABLE} in share row exclusive mode`);
		const value = await work(client);
		await client.query('commit');
		return value;
	} catch (e) {
		failure = e;
		await client.query('rollback').catch(() => {});
		throw e;
	} finally {
		client.release(failure instanceof Error ? failure : undefined);
	}
}

/** Applies the migrations in `folder` (drizzle/pg) the database has not had, all or none. */
export async function migratePostgres(pool: HostPool, folder: string): Promise<number> {
	const migrations = readMigrationFiles({ migrationsFolder: folder });
	return withStartLock(pool, async (client) => {
		const applied = new Set(
			(await client.query<{ hash: string }>(`select hash from ${TABLE}`)).rows.map((r) => r.hash)
		);
		let count = 0;
		for (const m of migrations) {
			if (applied.has(m.hash)) continue;
			for (const statement of m.sql) {
				if (statement.trim()) await client.query(statement);
			}
			await client.query(`insert into ${TABLE} (hash, created_at) values ($1, $2)`, [
				m.hash,
				m.folderMillis
			]);
			count++;
		}
		return count;
	});
}
