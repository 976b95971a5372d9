// The SQLite side of a copy (db/copy.ts): a read-only snapshot of a live file, or a migrated
// file written in one transaction.
import BetterSqlite3, { type Database as Connection } from 'better-sqlite3';
import { migrateSqlite } from './sqlite';
import type { CopySource, CopyTarget, TableReader } from './copy';
import { APPLIED_MIGRATIONS_SQL, type AppliedMigration } from './schema-version';
import { quoteName, type SchemaTable } from './schema-tables';
import { toRow, type Value } from './table-digest';

function selectInOrder(table: SchemaTable): string {
	const columns = table.columns.map((c) => quoteName(c.name)).join(', ');
	const key = table.key.map(quoteName).join(', ');
	// SQLite compares text byte by byte (BINARY): PostgreSQL's side orders by "C" to match.
	return `select ${columns} from ${quoteName(table.name)} order by ${key}`;
}

function reader(connection: Connection, label: string): TableReader {
	return {
		label,
		async *batches(table, size) {
			const statement = connection.prepare(selectInOrder(table)).raw(true).safeIntegers(true);
			let batch: Value[][] = [];
			for (const raw of statement.iterate() as Iterable<unknown[]>) {
				batch.push(toRow(table, raw));
				if (batch.length >= size) {
					yield batch;
					batch = [];
				}
			}
			if (batch.length > 0) yield batch;
		},
		async count(table) {
			return connection
				.prepare(`select count(*) from ${quoteName(table.name)}`)
				.pluck()
				.get() as number;
		}
	};
}

/** The migrations an SQLite database has had, oldest first; null when it has no history. */
export function readAppliedSqlite(connection: Connection): AppliedMigration[] | null {
	const exists = connection
		.prepare(`select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'`)
		.get();
	if (!exists) return null;
	return (
		connection.prepare(APPLIED_MIGRATIONS_SQL.sqlite).all() as {
			hash: string;
			createdAt: number | string;
		}[]
	).map((m) => ({ hash: m.hash, createdAt: Number(m.createdAt) }));
}

function sequenceOf(connection: Connection, table: SchemaTable): bigint {
	const hasSequences = connection
		.prepare(`select 1 from sqlite_master where type = 'table' and name = 'sqlite_sequence'`)
		.get();
	if (!hasSequences) return 0n;
	const seq = connection
		.prepare('select seq from sqlite_sequence where name = ?')
		.pluck()
		.safeIntegers(true)
		.get(table.name) as bigint | undefined;
	return seq ?? 0n;
}

/**
 * The SQLite file `file` as a copy's source: its own read-only connection in one read
 * transaction, so the copy sees one moment of a database the app keeps writing (WAL).
 */
export function openSqliteSource(file: string): CopySource {
	const connection = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
	connection.pragma('busy_timeout = 5000');
	connection.exec('begin');
	// The snapshot starts at the first read, not at BEGIN.
	connection.prepare('select count(*) from sqlite_master').get();
	return {
		...reader(connection, `SQLite ${file}`),
		async sequence(table) {
			return sequenceOf(connection, table);
		},
		async appliedMigrations() {
			return readAppliedSqlite(connection);
		},
		async close() {
			if (connection.inTransaction) connection.exec('rollback');
			connection.close();
		}
	};
}

/** What a freshly migrated database holds: the rows migrations write themselves. */
export function openFreshSchema(migrationsFolder: string): TableReader & { close(): void } {
	const connection = new BetterSqlite3(':memory:');
	migrateSqlite(connection, migrationsFolder);
	return { ...reader(connection, 'a freshly migrated database'), close: () => connection.close() };
}

function bindable(value: Value): unknown {
	return typeof value === 'boolean' ? (value ? 1 : 0) : value;
}

/**
 * A migrated SQLite database (`connection`: its writer, nobody else writing) as a copy's
 * target. Foreign keys are checked at commit (rows may arrive before what they point at), and
 * triggers are dropped for the copy and made again before it commits, inside the transaction.
 */
export function sqliteTarget(connection: Connection, label: string): CopyTarget {
	let triggers: { name: string; sql: string }[] = [];
	const finish = (statement: 'commit' | 'rollback') => {
		if (!connection.inTransaction) return;
		if (statement === 'commit') for (const t of triggers) connection.exec(t.sql);
		connection.exec(statement);
	};
	return {
		...reader(connection, label),
		async begin() {
			connection.exec('begin immediate');
			connection.pragma('defer_foreign_keys = on');
			triggers = connection
				.prepare(`select name, sql from sqlite_master where type = 'trigger' order by name`)
				.all() as { name: string; sql: string }[];
			for (const t of triggers) connection.exec(`drop trigger ${quoteName(t.name)}`);
		},
		async clear(table) {
			connection.exec(`delete from ${quoteName(table.name)}`);
		},
		async insert(table, rows) {
			const columns = table.columns.map((c) => quoteName(c.name));
			const statement = connection.prepare(
				`insert into ${quoteName(table.name)} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`
			);
			for (const row of rows) statement.run(...row.map(bindable));
		},
		async patch(table, column, rows) {
			const where = table.key.map((k) => `${quoteName(k)} = ?`).join(' and ');
			const statement = connection.prepare(
				`update ${quoteName(table.name)} set ${quoteName(column)} = ? where ${where}`
			);
			for (const r of rows) statement.run(bindable(r.value), ...r.key.map(bindable));
		},
		async setSequence(table, next) {
			const autoincrement = connection
				.prepare(`select sql like '%AUTOINCREMENT%' from sqlite_master where name = ?`)
				.pluck()
				.get(table.name);
			if (!autoincrement) return;
			connection.prepare('delete from sqlite_sequence where name = ?').run(table.name);
			connection
				.prepare('insert into sqlite_sequence (name, seq) values (?, ?)')
				.run(table.name, next - 1n);
		},
		async commit() {
			finish('commit');
		},
		async rollback() {
			finish('rollback');
		},
		async close() {
			finish('rollback');
		}
	};
}
