// The dialect of the database this process runs on, for what is rendered before a handle is at
// hand: the schema's id columns (an omitted id is `null` to SQLite, `default` to PostgreSQL).
// One process runs on one database; openDatabase sets it.
import { sql, type SQL } from 'drizzle-orm';
import type { Dialect } from './adapter';

let active: Dialect = 'sqlite';

export function useDialect(dialect: Dialect): void {
	active = dialect;
}

export function activeDialect(): Dialect {
	return active;
}

/** What an insert says for an identity column it leaves out. */
export function identityDefault(): SQL {
	return active === 'postgres' ? sql`default` : sql`null`;
}
