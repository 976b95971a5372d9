import postgres, { type Sql } from 'postgres';
import { attach, type Database } from './adapter';
import { makeHandle, type Executor, type Row, type Tx } from './handle';
import { withStartLock } from './pg-migrate';
import { toPostgres } from './pg-text';
import { checkOpen, inScope, refuseFromInsideTransaction, type TxState } from './scope';

export interface PostgresOptions {
	/** Connections in the pool. */
	max?: number;
}

export interface PostgresDatabase extends Database {
	/** The driver, for what only PostgreSQL needs: migrations under a lock. */
	readonly sql: Sql;
}

// 64-bit integers (epoch ms, count(*)) and numerics (sum, avg) come back as numbers, as SQLite
// gives them: every such value Qualify stores is far below 2^53. Booleans are sent as 1/0 by the
// queries (drizzle's SQLite columns map them so), and postgres.js serializes a parameter by the
// type PostgreSQL infers for it: its own boolean serializer would read 1 as false.
const TYPES = {
	bool: {
		to: 16,
		from: [16],
		serialize: (x: unknown) => (x === true || x === 1 || x === '1' || x === 't' ? 't' : 'f'),
		parse: (x: string) => x === 't'
	},
	int8: {
		to: 20,
		from: [20],
		serialize: (x: number) => String(x),
		parse: (x: string) => Number(x)
	},
	numeric: {
		to: 1700,
		from: [1700],
		serialize: (x: number) => String(x),
		parse: (x: string) => Number(x)
	}
};

/** Refuses a connection string without the password in what it says. */
export function describeUrl(url: string): string {
	try {
		const u = new URL(
			url.replace(/^(postgres(?:ql)?:\/\/)([^/?]*@)?([^/?]*)/, (_, s, auth, hosts) => {
				return `${s}${auth ?? ''}${hosts.split(',')[0]}`;
			})
		);
		const hosts = url.match(/^postgres(?:ql)?:\/\/(?:[^/?]*@)?([^/?]*)/)?.[1] ?? u.host;
		return `${u.username || '(default user)'}@${hosts}${u.pathname}`;
	} catch {
		return '(an unreadable connection string)';
	}
}

function sessionAttrsIn(url: string): boolean {
	return /[?&]target_session_attrs=/.test(url);
}

/**
 * PostgreSQL through postgres.js: a pool of connections, each statement a named prepared
 * statement (prepared once per connection by its text). Outside a transaction a statement takes
 * any connection; a transaction reserves one from BEGIN to COMMIT. Given several hosts, the
 * driver connects to the one that accepts writes (target_session_attrs=read-write unless the
 * URL says otherwise) and, when it goes, finds the next: after a failover the pool reconnects
 * by itself.
 */
export function openPostgres(url: string, options: PostgresOptions = {}): PostgresDatabase {
	const sql = postgres(url, {
		max: options.max ?? 10,
		prepare: true,
		connect_timeout: 10,
		onnotice: () => {},
		transform: { undefined: null },
		connection: { application_name: 'qualify' },
		...(sessionAttrsIn(url) ? {} : { target_session_attrs: 'read-write' as const }),
		types: TYPES
	});

	const on =
		(conn: Sql): Executor['arrays'] =>
		async (text, params) =>
			(await conn
				.unsafe(toPostgres(text), params as never[], { prepare: true })
				.values()) as unknown[][];
	const objects =
		(conn: Sql): Executor['objects'] =>
		async (text, params) => [
			...((await conn.unsafe(toPostgres(text), params as never[], {
				prepare: true
			})) as unknown as Row[])
		];
	const run =
		(conn: Sql): Executor['run'] =>
		async (text, params) => {
			const result = await conn.unsafe(toPostgres(text), params as never[], {
				prepare: true
			});
			return { changes: result.count };
		};

	const root: Executor = {
		inTransaction: false,
		arrays(text, params) {
			refuseFromInsideTransaction();
			return on(sql)(text, params);
		},
		objects(text, params) {
			refuseFromInsideTransaction();
			return objects(sql)(text, params);
		},
		run(text, params) {
			refuseFromInsideTransaction();
			return run(sql)(text, params);
		}
	};

	function transactionHandle(tx: Sql, state: TxState): Tx {
		const handle = makeHandle({
			inTransaction: true,
			arrays(text, params) {
				checkOpen(state);
				return on(tx)(text, params);
			},
			objects(text, params) {
				checkOpen(state);
				return objects(tx)(text, params);
			},
			run(text, params) {
				checkOpen(state);
				return run(tx)(text, params);
			}
		}) as Tx;
		return attach(handle, database);
	}

	const database: PostgresDatabase = {
		dialect: 'postgres',
		db: makeHandle(root),
		sql,
		async transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
			refuseFromInsideTransaction();
			const state: TxState = { open: true };
			try {
				// postgres.js awaits an array result element by element: wrap it so it comes back as is.
				const boxed = await sql.begin(async (tx) => ({
					value: await inScope(state, () => work(transactionHandle(tx as unknown as Sql, state)))
				}));
				return boxed.value;
			} finally {
				state.open = false;
			}
		},
		async checkpoint() {},
		checkpointInBackground() {},
		exclusively<T>(work: () => Promise<T>): Promise<T> {
			return withStartLock(sql, () => work());
		},
		async isHealthy() {
			try {
				const [r] = await sql`select 1 as ok`;
				return r?.ok === 1;
			} catch {
				return false;
			}
		},
		async close() {
			await sql.end({ timeout: 5 });
		}
	};
	attach(database.db, database);
	return database;
}
