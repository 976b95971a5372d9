import { createHash } from 'node:crypto';
import type pg from 'pg';
import { attach, type Database } from './adapter';
import { makeHandle, type Executor, type Row, type Tx } from './handle';
import { withStartLock } from './pg-migrate';
import { HostPool, isConnectionLoss } from './pg-pool';
import { toPostgres } from './pg-text';
import { checkOpen, inScope, refuseFromInsideTransaction, type TxState } from './scope';

export interface PostgresOptions {
	/** Connections in the pool. */
	max?: number;
	/** 'read-write' (the app) or 'any' / 'prefer-standby' (a reports replica). */
	attrs?: 'read-write' | 'any' | 'prefer-standby';
}

export interface PostgresDatabase extends Database {
	/** The pool, for what only PostgreSQL needs: migrations under the start lock. */
	readonly pool: HostPool;
}

// Every statement is a named prepared statement, prepared once per connection: the name is a
// digest of its text, so the same text always has the same name and two texts never share one.
const names = new Map<string, string>();
function statementName(text: string): string {
	let name = names.get(text);
	if (!name) {
		name = 'q' + createHash('sha1').update(text).digest('hex').slice(0, 20);
		if (names.size > 4000) names.clear();
		names.set(text, name);
	}
	return name;
}

function statement(text: string, params: unknown[], rowMode?: 'array'): pg.QueryConfig {
	const pgText = toPostgres(text);
	const config = { name: statementName(pgText), text: pgText, values: params };
	return rowMode ? ({ ...config, rowMode } as pg.QueryConfig) : config;
}

type Runner = (config: pg.QueryConfig) => Promise<pg.QueryResult>;

function executorOn(run: Runner, inTransaction: boolean, before: () => void): Executor {
	return {
		inTransaction,
		async arrays(text, params) {
			before();
			return (await run(statement(text, params, 'array'))).rows as unknown[][];
		},
		async objects(text, params) {
			before();
			return (await run(statement(text, params))).rows as Row[];
		},
		async run(text, params) {
			before();
			return { changes: (await run(statement(text, params))).rowCount ?? 0 };
		}
	};
}

/**
 * PostgreSQL through node-postgres: a pool on the writable server of the URL's host list
 * (pg-pool.ts), named prepared statements, READ COMMITTED transactions on one reserved client
 * from BEGIN to COMMIT. A commit returns only when PostgreSQL says it is durable, which with
 * synchronous replication means on the standby too (docs/deploy.md).
 */
export function openPostgres(url: string, options: PostgresOptions = {}): PostgresDatabase {
	const pool = new HostPool(url, {
		max: options.max ?? 10,
		attrs: options.attrs,
		applicationName: 'qualify'
	});

	const root = executorOn((config) => pool.query(config), false, refuseFromInsideTransaction);

	const database: PostgresDatabase = {
		dialect: 'postgres',
		db: makeHandle(root),
		pool,
		async transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
			refuseFromInsideTransaction();
			const client = await pool.connect();
			const state: TxState = { open: true };
			let failure: unknown = undefined;
			const run: Runner = async (config) => {
				try {
					return await client.query(config);
				} catch (e) {
					pool.noteError(e);
					throw e;
				}
			};
			try {
				await run({ text: 'begin' });
				const tx = attach(
					makeHandle(executorOn(run, true, () => checkOpen(state))) as Tx,
					database
				);
				const value = await inScope(state, () => work(tx));
				state.open = false;
				await run({ text: 'commit' });
				return value;
			} catch (e) {
				failure = e;
				state.open = false;
				if (!isConnectionLoss(e)) await client.query('rollback').catch(() => {});
				throw e;
			} finally {
				state.open = false;
				client.release(isConnectionLoss(failure) ? (failure as Error) : undefined);
			}
		},
		async checkpoint() {},
		checkpointInBackground() {},
		exclusively<T>(work: () => Promise<T>): Promise<T> {
			return withStartLock(pool, () => work());
		},
		async isHealthy() {
			try {
				const result = await pool.query<{ ok: number }>({ text: 'select 1 as ok' });
				return result.rows[0]?.ok === 1;
			} catch {
				return false;
			}
		},
		async close() {
			await pool.end();
		}
	};
	attach(database.db, database);
	return database;
}
