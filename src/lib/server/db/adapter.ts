import type { Db, Tx } from './handle';

export type Dialect = 'sqlite' | 'postgres';

/** One open database: its root handle, how to run a transaction on it, how to close it. */
export interface Database {
	readonly dialect: Dialect;
	/** The root handle: statements outside any transaction. */
	readonly db: Db;
	/** Runs `work` in one write transaction: all of it or none of it. */
	transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
	/** Folds the write-ahead log into the main file now (SQLite); nothing where there is none. */
	checkpoint(): Promise<void>;
	/**
	 * For a long-running server: from now on checkpoints happen off the request thread (SQLite);
	 * nothing to do where the database server does its own.
	 */
	checkpointInBackground(everyMs?: number): void;
	/**
	 * Runs `work` while no other app node runs its own (start-up: migrating, seeding the demo);
	 * on one SQLite file there is only one node.
	 */
	exclusively<T>(work: () => Promise<T>): Promise<T>;
	/** True when the database answers a trivial query. */
	isHealthy(): Promise<boolean>;
	close(): Promise<void>;
}

const databases = new WeakMap<Db, Database>();

/** Records that `handle` (the root handle or a transaction's) belongs to `database`. */
export function attach<T extends Db>(handle: T, database: Database): T {
	databases.set(handle, database);
	return handle;
}

/**
 * The open database a handle belongs to: what per-database caches are keyed by, since a
 * transaction's handle lives only as long as the transaction.
 */
export function databaseOf(db: Db): Database {
	const database = databases.get(db);
	if (!database) throw new Error('not a Qualify database handle');
	return database;
}
