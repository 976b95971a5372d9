import { integer } from 'drizzle-orm/sqlite-core';
import { identityDefault } from '../active-dialect';

/**
 * A table's id: the next integer, given by the database. An insert that leaves it out says
 * `null` to SQLite (which then takes the next rowid) and `default` to PostgreSQL (whose identity
 * column refuses null).
 */
export function id() {
	return integer('id').primaryKey({ autoIncrement: true }).$defaultFn(identityDefault);
}
