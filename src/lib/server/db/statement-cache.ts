import type { Database as Connection, Statement } from 'better-sqlite3';

// Queries are built from a bounded set of texts; `in (?, ?, …)` lists of varying length are the
// only open-ended ones, so a least-recently-used bound keeps the cache from growing with them.
const LIMIT = 2000;

/** Prepared statements of one connection, each prepared once and reused by its SQL text. */
export class StatementCache {
	readonly #statements = new Map<string, Statement>();
	constructor(readonly connection: Connection) {}

	get(sql: string): Statement {
		let statement = this.#statements.get(sql);
		if (statement) {
			this.#statements.delete(sql);
		} else {
			statement = this.connection.prepare(sql);
			if (this.#statements.size >= LIMIT) {
				this.#statements.delete(this.#statements.keys().next().value!);
			}
		}
		this.#statements.set(sql, statement);
		return statement;
	}
}
