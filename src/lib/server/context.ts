import type { Clock } from './clock';
import type { Config } from './config';
import type { Db } from './db';

/** What every service needs from the outside world, passed in so tests control it. */
export interface AppContext {
	db: Db;
	clock: Clock;
	config: Config;
}
