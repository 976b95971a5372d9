import type { Clock } from './clock';
import type { Config } from './config';
import type { Db } from './db';

/** What every service needs from the outside world, passed in so tests control it. */
export interface AppContext {
	db: Db;
	/**
	 * Where long reads (reports, exports) go: a PostgreSQL replica when DATABASE_READ_URL is set,
	 * else absent and they read from `db`. Read it with `readHandle(ctx)`.
	 */
	readDb?: Db;
	clock: Clock;
	config: Config;
}

/** The handle for report reads: the replica when one is configured, else the primary. */
export function readHandle(ctx: AppContext): Db {
	return ctx.readDb ?? ctx.db;
}
