import type { SQL } from 'drizzle-orm';
import { databaseOf, type Database } from './adapter';
import { executorOf, isTx, render, type Db, type Row, type RunResult, type Tx } from './handle';

export type { Database, Dialect } from './adapter';
export { databaseOf } from './adapter';
export type { Db, Row, RunResult, Tx } from './handle';
export { isTx } from './handle';
export { isDatabaseUnavailable } from './unavailable';
export { isUniqueViolation } from './constraint';

/**
 * Runs `work` in one write transaction on `db`'s database: all of it or none of it. Given a
 * transaction, `work` joins it. The transaction is the `tx` passed to `work`: every statement of
 * it goes through that handle, never through `ctx.db` (which the adapter refuses).
 */
export function inTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
	if (isTx(db)) return work(db);
	return databaseOf(db).transaction(work);
}

/** Rows of a hand-written query, keyed by column name. */
export function rows<T extends object = Row>(
	db: Db,
	query: SQL | string,
	params?: unknown[]
): Promise<T[]> {
	const q = render(query, params);
	return executorOf(db).objects(q.sql, q.params) as Promise<unknown> as Promise<T[]>;
}

/** The first row of a hand-written query, or undefined. */
export async function row<T extends object = Row>(
	db: Db,
	query: SQL | string,
	params?: unknown[]
): Promise<T | undefined> {
	return (await rows<T>(db, query, params))[0];
}

/**
 * The first row of a query built with drizzle, or undefined. The doors await their builders
 * whole, as drizzle's PostgreSQL builder is awaited; SQLite's `.get()`/`.all()`/`.run()`
 * terminals have no PostgreSQL counterpart, so no door uses them.
 */
export async function first<T>(query: PromiseLike<T[]>): Promise<T | undefined> {
	return (await query)[0];
}

/** The row an `insert … returning` wrote: there is one, or the statement failed. */
export async function inserted<T>(query: PromiseLike<T[]>): Promise<T> {
	const [row] = await query;
	if (row === undefined) throw new Error('an insert returned no row');
	return row;
}

/** Runs a hand-written statement that returns no rows. */
export function exec(db: Db, query: SQL | string, params?: unknown[]): Promise<RunResult> {
	const q = render(query, params);
	return executorOf(db).run(q.sql, q.params);
}

/** Closes the database `db` is the root handle of. */
export function closeDatabase(db: Db): Promise<void> {
	return databaseOf(db).close();
}

export function isDatabaseHealthy(db: Db): Promise<boolean> {
	return databaseOf(db).isHealthy();
}

export type OpenDatabase = Database;

/**
 * `inTransaction` for one large write. The SQLite writer never checkpoints the WAL on commit
 * (a checkpoint on the request thread would hold the event loop), so this is the same call; the
 * name says the caller knows it holds the writer long, and should call `checkpointWal` after.
 */
export function inLargeTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
	return inTransaction(db, work);
}

/** Asks the database to fold its write-ahead log into the main file now, if it has one. */
export function checkpointWal(db: Db): Promise<void> {
	return databaseOf(db).checkpoint();
}
