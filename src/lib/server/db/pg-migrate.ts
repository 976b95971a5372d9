import { readMigrationFiles } from 'drizzle-orm/migrator';
import type { Sql } from 'postgres';

// drizzle's own bookkeeping table, so `drizzle-kit` tooling sees the same history.
const TABLE = 'drizzle.__drizzle_migrations';

async function ensureBookkeeping(sql: Sql): Promise<void> {
	// Two nodes starting together may both create it: PostgreSQL can refuse the second
	// `if not exists` with a duplicate-key error on its catalog; the next try then finds it.
	for (let attempt = 1; ; attempt++) {
		try {
			await sql`create schema if not exists drizzle`;
			await sql.unsafe(
				`create table if not exists ${TABLE} (id serial primary key, hash text not null, created_at bigint)`
			);
			return;
		} catch (e) {
			if (attempt >= 5) throw e;
			await new Promise((r) => setTimeout(r, 50 * attempt));
		}
	}
}

/**
 * Runs `work` while holding the start lock: a table lock on the migrations table, which only
 * one node holds at a time, so nodes starting together migrate and seed one after the other.
 * `work` gets the locked transaction (for migrations, which commit with it).
 */
export async function withStartLock<T>(sql: Sql, work: (tx: Sql) => Promise<T>): Promise<T> {
	await ensureBookkeeping(sql);
	const boxed = await sql.begin(async (tx) => {
		await tx.unsafe(`lock table ${TABLE} in share row exclusive mode`);
		return { value: await work(tx as unknown as Sql) };
	});
	return boxed.value;
}

/** Applies the migrations in `folder` (drizzle/pg) the database has not had, all or none. */
export async function migratePostgres(sql: Sql, folder: string): Promise<number> {
	const migrations = readMigrationFiles({ migrationsFolder: folder });
	return withStartLock(sql, async (tx) => {
		const applied = new Set(
			(await tx.unsafe(`select hash from ${TABLE}`)).map((r) => r.hash as string)
		);
		let count = 0;
		for (const m of migrations) {
			if (applied.has(m.hash)) continue;
			for (const statement of m.sql) {
				if (statement.trim()) await tx.unsafe(statement);
			}
			await tx.unsafe(`insert into ${TABLE} (hash, created_at) values ($1, $2)`, [
				m.hash,
				m.folderMillis
			]);
			count++;
		}
		return count;
	});
}
