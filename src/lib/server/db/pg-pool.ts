import pg from 'pg';
import { parseHostList, type HostList, type SessionAttrs } from './pg-hosts';

/**
 * No server of the connection string can take the work now (all down, or none writable while a
 * standby is being promoted). The web layer answers 503 and the examinee's page keeps the
 * answer and retries; nothing was written.
 */
export class DatabaseUnavailable extends Error {
	constructor(message: string, options?: { cause?: unknown }) {
		super(message, options);
		this.name = 'DatabaseUnavailable';
	}
}

// SQLSTATEs after which the connection's server is no longer the one to use: it is shutting
// down or crashed (57P01-57P03), it became read-only (25006: a demoted primary), or the
// connection itself failed (class 08).
const GONE_CODES = new Set(['57P01', '57P02', '57P03', '25006']);
const GONE_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH']);

/** Whether `error` means the server went away (so the pool must find the primary again). */
export function isConnectionLoss(error: unknown): boolean {
	if (!(error instanceof Error)) return false;
	if (error instanceof DatabaseUnavailable) return true;
	const code = (error as { code?: string }).code;
	if (code && (GONE_CODES.has(code) || code.startsWith('08') || GONE_ERRNOS.has(code))) {
		return true;
	}
	return /Connection terminated|connection error|not queryable|timeout expired/i.test(
		error.message
	);
}

// Whole-number and decimal results (count(*), epoch ms as bigint, sum, avg) come back as numbers,
// as SQLite gives them: every such value Qualify stores is far below 2^53.
const INT8 = 20;
const NUMERIC = 1700;
const types = {
	getTypeParser(oid: number, format?: 'text' | 'binary') {
		if (oid === INT8 || oid === NUMERIC) return (v: string) => Number(v);
		return pg.types.getTypeParser(oid, format);
	}
} as pg.CustomTypesConfig;

export interface HostPoolOptions {
	max: number;
	/** Which server to use when the URL does not say: 'read-write' for the app, 'any' for reports. */
	attrs?: SessionAttrs;
	applicationName?: string;
	/** How long one host may take to accept a connection. */
	connectTimeoutMs?: number;
}

/**
 * A connection pool on the right server of a list: the writable one (or, for a read URL, any
 * one, a standby first). node-postgres connects to one host, so this probes the list with
 * `pg_is_in_recovery()` and pools the host that fits; when a connection to it is lost (the
 * primary crashed, was demoted), the pool is dropped and the next request probes again, which
 * after a failover finds the promoted standby. No retry is hidden here: a request that was
 * running when the server went fails, and its client retries (the answer store's contract).
 */
export class HostPool {
	private readonly list: HostList;
	private pool: pg.Pool | null = null;
	private finding: Promise<pg.Pool> | null = null;
	private ended = false;

	constructor(
		url: string,
		private readonly options: HostPoolOptions
	) {
		this.list = parseHostList(url, options.attrs ?? 'read-write');
	}

	/** A client of the current server's pool, for a transaction; release it with `release`. */
	async connect(): Promise<pg.PoolClient> {
		const pool = await this.current();
		try {
			return await pool.connect();
		} catch (e) {
			this.noteError(e, pool);
			throw isConnectionLoss(e) ? unavailable(e) : e;
		}
	}

	/** One statement on any client of the pool. */
	async query<R extends pg.QueryResultRow>(config: pg.QueryConfig): Promise<pg.QueryResult<R>> {
		const client = await this.connect();
		let failure: unknown = undefined;
		try {
			return await client.query<R>(config);
		} catch (e) {
			failure = e;
			this.noteError(e);
			throw e;
		} finally {
			client.release(isConnectionLoss(failure) ? (failure as Error) : undefined);
		}
	}

	/** Called with every error a statement raised: a lost server drops the pool. */
	noteError(error: unknown, pool: pg.Pool | null = this.pool): void {
		if (!pool || pool !== this.pool || !isConnectionLoss(error)) return;
		this.pool = null;
		pool.end().catch(() => {});
	}

	async end(): Promise<void> {
		this.ended = true;
		const pool = this.pool;
		this.pool = null;
		await pool?.end();
	}

	private current(): Promise<pg.Pool> {
		if (this.ended) return Promise.reject(new Error('the database has been closed'));
		if (this.pool) return Promise.resolve(this.pool);
		this.finding ??= this.find().finally(() => {
			this.finding = null;
		});
		return this.finding;
	}

	private async find(): Promise<pg.Pool> {
		const { hosts, targetSessionAttrs } = this.list;
		const problems: string[] = [];
		let fallback: { host: string; port: number } | null = null;
		for (const h of hosts) {
			let standby: boolean;
			try {
				standby = await this.inRecovery(h);
			} catch (e) {
				problems.push(`${h.host}:${h.port}: ${(e as Error).message}`);
				continue;
			}
			const fits =
				targetSessionAttrs === 'any' ||
				(targetSessionAttrs === 'read-write' && !standby) ||
				(targetSessionAttrs === 'prefer-standby' && standby);
			if (fits) return this.poolOn(h);
			if (targetSessionAttrs === 'prefer-standby') fallback ??= h;
			else problems.push(`${h.host}:${h.port}: read-only (a standby)`);
		}
		if (fallback) return this.poolOn(fallback);
		throw new DatabaseUnavailable(`no usable PostgreSQL server: ${problems.join('; ')}`);
	}

	private async inRecovery(h: { host: string; port: number }): Promise<boolean> {
		const client = new pg.Client(this.clientConfig(h));
		client.on('error', () => {});
		try {
			await client.connect();
			const result = await client.query<{ r: boolean }>('select pg_is_in_recovery() as r');
			return result.rows[0]!.r;
		} finally {
			await client.end().catch(() => {});
		}
	}

	private poolOn(h: { host: string; port: number }): pg.Pool {
		const pool = new pg.Pool({ ...this.clientConfig(h), max: this.options.max });
		// An idle client whose server goes away emits here; so does a checked-out one between
		// statements. Either way the pool is spent: without a listener the process would exit.
		pool.on('error', (e) => this.noteError(e, pool));
		pool.on('connect', (client) => client.on('error', (e) => this.noteError(e, pool)));
		this.pool = pool;
		return pool;
	}

	private clientConfig(h: { host: string; port: number }): pg.ClientConfig {
		const { user, password, database, params } = this.list;
		const sslmode = params.get('sslmode');
		return {
			host: h.host,
			port: h.port,
			user,
			password,
			database,
			application_name: params.get('application_name') ?? this.options.applicationName,
			connectionTimeoutMillis: this.options.connectTimeoutMs ?? 5000,
			// A server that vanishes without closing its sockets is noticed by TCP keepalive.
			keepAlive: true,
			ssl:
				sslmode && sslmode !== 'disable'
					? { rejectUnauthorized: sslmode === 'verify-full' }
					: undefined,
			types
		};
	}
}

function unavailable(cause: unknown): DatabaseUnavailable {
	return cause instanceof DatabaseUnavailable
		? cause
		: new DatabaseUnavailable(`the database connection was lost: ${(cause as Error).message}`, {
				cause
			});
}
