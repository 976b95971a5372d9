import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import fs from 'node:fs';
import path from 'node:path';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export interface DbOptions {
	/** FULL makes an acknowledged write survive power loss; NORMAL is for benchmarks only. */
	synchronous?: 'FULL' | 'NORMAL';
	readonly?: boolean;
}

/** Opens a connection with the pragmas every connection must have. */
export function createDb(file: string, options: DbOptions = {}): Db {
	if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
	const sqlite = new Database(file, { readonly: options.readonly ?? false });
	if (!options.readonly) sqlite.pragma('journal_mode = WAL');
	sqlite.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	return drizzle(sqlite, { schema }) as Db;
}

/** Applies the committed migrations in `drizzle/`. */
export function migrateDb(db: Db, migrationsFolder: string): void {
	migrate(db, { migrationsFolder });
}

/** Fails loudly at boot rather than serving from a damaged file. */
export function checkIntegrity(db: Db): void {
	const rows = db.$client.pragma('quick_check') as { quick_check: string }[];
	const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
	if (problems.length > 0) {
		throw new Error(`database quick_check failed: ${problems.slice(0, 5).join('; ')}`);
	}
}

/** Runs `work` in one write transaction: all of it or none of it. */
export function inTransaction<T>(db: Db, work: (tx: Db) => T): T {
	return db.transaction((tx) => work(tx as unknown as Db), { behavior: 'immediate' });
}

/**
 * `inTransaction` for one large write: its commit does not also checkpoint the WAL, which after
 * tens of megabytes would double the time the event loop is held. Call `checkpointWal` on a
 * later turn of the event loop.
 */
export function inLargeTransaction<T>(db: Db, work: (tx: Db) => T): T {
	const autocheckpoint = db.$client.pragma('wal_autocheckpoint', { simple: true }) as number;
	db.$client.pragma('wal_autocheckpoint = 0');
	try {
		return inTransaction(db, work);
	} finally {
		db.$client.pragma(`wal_autocheckpoint = ${autocheckpoint}`);
	}
}

/** Copies what the WAL holds into the database file, without waiting on readers. */
export function checkpointWal(db: Db): void {
	db.$client.pragma('wal_checkpoint(PASSIVE)');
}
