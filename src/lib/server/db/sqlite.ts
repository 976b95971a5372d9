import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3, { type Database as Connection } from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { attach, type Database } from './adapter';
import { makeHandle, type Executor, type Row, type RunResult, type Tx } from './handle';
import { startCheckpointer, type Checkpointer } from './checkpointer';
import { AsyncLock } from './lock';
import { checkOpen, inScope, refuseFromInsideTransaction, type TxState } from './scope';
import { StatementCache } from './statement-cache';
import { timedCommit } from './commit-stats';
import { WalSyncer } from './wal-sync';

export interface SqliteOptions {
	/** FULL makes an acknowledged write survive power loss; NORMAL is for benchmarks only. */
	synchronous?: 'FULL' | 'NORMAL';
	/** Opens the file for reading only: every write is refused. */
	readonly?: boolean;
	/** How FULL syncs the WAL after a commit (tests slow it down); fdatasync by default. */
	syncFile?: (file: string) => Promise<void>;
}

// Often enough that the WAL stays a few megabytes under a full exam, rarely enough to cost nothing.
const CHECKPOINT_EVERY_MS = 250;

function bindable(params: unknown[]): unknown[] {
	// better-sqlite3 binds no booleans; drizzle's columns map theirs, hand-written SQL may not.
	return params.map((p) => (p === true ? 1 : p === false ? 0 : p === undefined ? null : p));
}

/** The WAL's name in its folder must be on disk too, once, before a commit counts as durable. */
function syncDirectory(dir: string): void {
	const fd = fs.openSync(dir, 'r');
	try {
		fs.fsyncSync(fd);
	} finally {
		fs.closeSync(fd);
	}
}

/** Whether commits are made durable by our own WAL sync (wal-sync.ts) rather than SQLite's. */
function syncsItself(file: string, options: SqliteOptions): boolean {
	return (options.synchronous ?? 'FULL') === 'FULL' && !options.readonly && file !== ':memory:';
}

function openConnection(file: string, options: SqliteOptions): Connection {
	const connection = new BetterSqlite3(file, {
		readonly: options.readonly ?? false,
		fileMustExist: options.readonly ?? false
	});
	if (!options.readonly) connection.pragma('journal_mode = WAL');
	// FULL is kept by WalSyncer off the event loop: SQLite itself then needs only NORMAL.
	connection.pragma(
		`synchronous = ${syncsItself(file, options) ? 'NORMAL' : (options.synchronous ?? 'FULL')}`
	);
	connection.pragma('foreign_keys = ON');
	connection.pragma('busy_timeout = 5000');
	return connection;
}

function arrays(cache: StatementCache, sql: string, params: unknown[]): unknown[][] {
	const statement = cache.get(sql);
	if (!statement.reader) {
		statement.run(...bindable(params));
		return [];
	}
	return statement.raw(true).all(...bindable(params)) as unknown[][];
}

function objects(cache: StatementCache, sql: string, params: unknown[]): Row[] {
	const statement = cache.get(sql);
	if (!statement.reader) {
		statement.run(...bindable(params));
		return [];
	}
	return statement.raw(false).all(...bindable(params)) as Row[];
}

function run(cache: StatementCache, sql: string, params: unknown[]): RunResult {
	return { changes: cache.get(sql).run(...bindable(params)).changes };
}

/**
 * SQLite with one writer connection behind an async lock and one reader connection. A
 * transaction holds the lock from BEGIN IMMEDIATE to COMMIT, awaits and all, so no other
 * request's statement can slip into it; reads outside a transaction go to the reader, which (WAL)
 * sees only committed rows, so none can read a transaction's uncommitted ones either.
 */
export interface SqliteDatabase extends Database {
	/** The writer connection, for what only SQLite has: migrations, integrity check, backup. */
	readonly writer: Connection;
}

export function openSqlite(file: string, options: SqliteOptions = {}): SqliteDatabase {
	if (file !== ':memory:' && !options.readonly) {
		fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
	}
	const writer = openConnection(file, options);
	const reader =
		options.readonly || file === ':memory:'
			? writer
			: openConnection(file, { ...options, readonly: true });
	const writes = new StatementCache(writer);
	const reads = new StatementCache(reader);
	const lock = new AsyncLock();
	const syncer = syncsItself(file, options) ? new WalSyncer(`${file}-wal`, options.syncFile) : null;
	/** Resolves once every commit made so far is on disk (at once without FULL). */
	const durable = (): Promise<void> => syncer?.sync() ?? Promise.resolve();
	if (syncer) syncDirectory(path.dirname(path.resolve(file)));

	// A write outside a transaction commits on its own: like a transaction, the lock is released
	// at once and the caller answered after the sync.
	async function locked<T>(work: () => T): Promise<T> {
		refuseFromInsideTransaction();
		const release = await lock.acquire();
		let result: T;
		try {
			result = work();
		} finally {
			release();
		}
		await durable();
		return result;
	}

	const rootExecutor: Executor = {
		inTransaction: false,
		async arrays(sql, params) {
			if (writes.get(sql).readonly) {
				refuseFromInsideTransaction();
				return arrays(reads, sql, params);
			}
			return locked(() => arrays(writes, sql, params));
		},
		async objects(sql, params) {
			if (writes.get(sql).readonly) {
				refuseFromInsideTransaction();
				return objects(reads, sql, params);
			}
			return locked(() => objects(writes, sql, params));
		},
		run(sql, params) {
			return locked(() => run(writes, sql, params));
		}
	};

	function transactionHandle(state: TxState): Tx {
		const check = () => checkOpen(state);
		const handle = makeHandle({
			inTransaction: true,
			async arrays(sql, params) {
				check();
				return arrays(writes, sql, params);
			},
			async objects(sql, params) {
				check();
				return objects(writes, sql, params);
			},
			async run(sql, params) {
				check();
				return run(writes, sql, params);
			}
		}) as Tx;
		return attach(handle, database);
	}

	let checkpointer: Checkpointer | null = null;

	const begin = writer.prepare('begin immediate');
	const commit = writer.prepare('commit');
	const rollback = writer.prepare('rollback');

	const database = {
		dialect: 'sqlite' as const,
		db: makeHandle(rootExecutor),
		writer,
		async transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
			refuseFromInsideTransaction();
			const release = await lock.acquire();
			const state: TxState = { open: true };
			let result: T;
			try {
				begin.run();
				try {
					result = await inScope(state, () => work(transactionHandle(state)));
					timedCommit(() => commit.run());
				} catch (e) {
					if (writer.inTransaction) rollback.run();
					throw e;
				}
			} finally {
				state.open = false;
				release();
			}
			// The next transaction may begin while this one's sync runs; its caller waits for it.
			await durable();
			return result;
		},
		async checkpoint() {
			if (checkpointer) return checkpointer.now();
			const release = await lock.acquire();
			try {
				writer.pragma('wal_checkpoint(PASSIVE)');
			} finally {
				release();
			}
		},
		checkpointInBackground(everyMs = CHECKPOINT_EVERY_MS) {
			if (checkpointer || options.readonly || file === ':memory:') return;
			const automatic = writer.pragma('wal_autocheckpoint', { simple: true }) as number;
			writer.pragma('wal_autocheckpoint = 0');
			checkpointer = startCheckpointer(file, everyMs, () => {
				// Without the worker the WAL would grow for ever: the commits checkpoint again.
				checkpointer = null;
				writer.pragma(`wal_autocheckpoint = ${automatic}`);
			});
		},
		exclusively<T>(work: () => Promise<T>): Promise<T> {
			return work();
		},
		async isHealthy() {
			try {
				return reader.prepare('select 1').pluck().get() === 1;
			} catch {
				return false;
			}
		},
		async close() {
			await checkpointer?.stop();
			checkpointer = null;
			const release = await lock.acquire();
			try {
				if (reader !== writer) reader.close();
				writer.close();
			} finally {
				release();
			}
			syncer?.close();
		}
	};
	attach(database.db, database);
	return database;
}

/** Applies the committed SQLite migrations in `folder` (drizzle/). */
export function migrateSqlite(writer: Connection, folder: string): void {
	migrate(drizzle(writer), { migrationsFolder: folder });
}

/** Fails loudly at boot rather than serving from a damaged file. */
export function checkSqliteIntegrity(writer: Connection): void {
	const rows = writer.pragma('quick_check') as { quick_check: string }[];
	const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
	if (problems.length > 0) {
		throw new Error(`database quick_check failed: ${problems.slice(0, 5).join('; ')}`);
	}
}
