import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import { drizzle, type SqliteRemoteDatabase } from 'drizzle-orm/sqlite-proxy';
import type { SQL } from 'drizzle-orm';

/**
 * A handle on the database: the root handle (`ctx.db`) or a transaction (`Tx`). Domain data
 * doors write their queries once, with drizzle's SQLite query builder or portable SQL, and await
 * them; the adapter under the handle runs them on SQLite or PostgreSQL (docs/data-layer.md).
 */
export type Db = SqliteRemoteDatabase;

declare const IN_TRANSACTION: unique symbol;
/** A handle inside one transaction. A function that must run inside one takes a `Tx`. */
export type Tx = Db & { readonly [IN_TRANSACTION]: true };

export type Row = Record<string, unknown>;

export interface RunResult {
	/** Rows inserted, updated or deleted. */
	changes: number;
}

/** What a handle's statements run on: the adapter's side of a handle. */
export interface Executor {
	readonly inTransaction: boolean;
	/** Rows as arrays, in select order: what drizzle's builder maps onto its fields. */
	arrays(sql: string, params: unknown[]): Promise<unknown[][]>;
	/** Rows as objects keyed by column name: for hand-written SQL. */
	objects(sql: string, params: unknown[]): Promise<Row[]>;
	run(sql: string, params: unknown[]): Promise<RunResult>;
}

declare module 'drizzle-orm/sqlite-proxy' {
	// Every result of `.run()` comes from our executors, which always count the changed rows.
	interface SqliteRemoteResult {
		changes: number;
	}
}

const executors = new WeakMap<Db, Executor>();

/** Wraps an executor in a drizzle handle. */
export function makeHandle(executor: Executor): Db {
	const db = drizzle(async (sql, params, method) => {
		if (method === 'run') return { rows: [], ...(await executor.run(sql, params)) };
		const rows = await executor.arrays(sql, params);
		// drizzle's proxy driver takes the first row itself for `get`.
		return { rows: method === 'get' ? (rows[0] as unknown[]) : rows, changes: 0 };
	});
	executors.set(db, executor);
	return db;
}

export function executorOf(db: Db): Executor {
	const executor = executors.get(db);
	if (!executor) throw new Error('not a Qualify database handle');
	return executor;
}

export function isTx(db: Db): db is Tx {
	return executorOf(db).inTransaction;
}

const dialect = new SQLiteSyncDialect();

/** Renders a drizzle `sql` fragment to text with `?` placeholders, as both adapters take it. */
export function render(
	query: SQL | string,
	params: unknown[] = []
): { sql: string; params: unknown[] } {
	if (typeof query === 'string') return { sql: query, params };
	const built = dialect.sqlToQuery(query);
	return { sql: built.sql, params: built.params };
}
