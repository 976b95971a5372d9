// The PostgreSQL schema, derived from the SQLite one (db/schema/, which the code is typed
// against) by an explicit map of column kinds, so the two cannot drift: a column added to the
// SQLite schema is in the PostgreSQL one too, of the matching type. drizzle-kit generates the
// PostgreSQL migrations (drizzle/pg/) from what this builds.
import type { SQL } from 'drizzle-orm';
import {
	bigint,
	boolean,
	customType,
	doublePrecision,
	foreignKey,
	index,
	integer,
	pgTable,
	primaryKey,
	text,
	uniqueIndex,
	type PgColumn,
	type PgColumnBuilderBase,
	type PgTableWithColumns
} from 'drizzle-orm/pg-core';
import { getTableConfig, type SQLiteColumn, type SQLiteTable } from 'drizzle-orm/sqlite-core';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

// Integer columns wider than 32 bits, 64-bit on PostgreSQL (SQLite's are all 64-bit): instants
// and durations in milliseconds, named `…_at` and `…_ms`, and these.
const WIDE = new Set([
	'audit_event.at',
	'attempt.deadline',
	'sign_in_throttle.locked_until',
	// The browser numbers an answer's saves from its clock in microseconds (exam/attempt-state).
	'attempt_answer.seq'
]);

/** True when `table.column` holds values past 2^31 and needs a 64-bit integer. */
export function isWide(table: string, column: string): boolean {
	return /_at$|_ms$/.test(column) || WIDE.has(`${table}.${column}`);
}

type AnyPgTable = PgTableWithColumns<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function columnFor(tableName: string, c: SQLiteColumn): PgColumnBuilderBase {
	let b;
	switch (c.columnType) {
		case 'SQLiteInteger':
			b = c.primary
				? integer(c.name).generatedByDefaultAsIdentity()
				: isWide(tableName, c.name)
					? bigint(c.name, { mode: 'number' })
					: integer(c.name);
			break;
		case 'SQLiteBoolean':
			b = boolean(c.name);
			break;
		case 'SQLiteText':
		case 'SQLiteTextJson':
			b = text(c.name);
			break;
		case 'SQLiteReal':
			b = doublePrecision(c.name);
			break;
		case 'SQLiteBlobBuffer':
			b = bytea(c.name);
			break;
		default:
			throw new Error(`${tableName}.${c.name}: no PostgreSQL type for ${c.columnType}`);
	}
	if (c.primary) b = b.primaryKey();
	if (c.notNull && !c.primary) b = b.notNull();
	if (c.default !== undefined) {
		// JSON columns hold text: a default given as a value is stored as its JSON text.
		const value =
			c.columnType === 'SQLiteTextJson' && typeof c.default !== 'string'
				? JSON.stringify(c.default)
				: c.default;
		b = b.default(value as never);
	}
	if (c.isUnique) b = b.unique(c.uniqueName);
	return b;
}

/** Builds the PostgreSQL twin of every SQLite table in `tables`, keyed by table name. */
export function derivePgTables(tables: SQLiteTable[]): Map<string, AnyPgTable> {
	const byName = new Map<string, AnyPgTable>();
	const column = (table: string, name: string): PgColumn => {
		const t = byName.get(table);
		const col = t && Object.values(t).find((c): c is PgColumn => (c as PgColumn)?.name === name);
		if (!col) throw new Error(`no PostgreSQL column ${table}.${name}`);
		return col;
	};
	for (const sqliteTable of tables) {
		const config = getTableConfig(sqliteTable);
		const columns = Object.fromEntries(
			config.columns.map((c) => [c.name, columnFor(config.name, c)])
		);
		// Run lazily by drizzle, when every table exists: foreign keys may point at any of them.
		// `own` are the columns as the index builders want them (keyed by column name, as built).
		const table = pgTable(config.name, columns, (own) => [
			...config.primaryKeys.map((pk) =>
				primaryKey({
					name: pk.getName(),
					columns: pk.columns.map((c) => own[c.name]!) as unknown as [PgColumn, ...PgColumn[]]
				})
			),
			...config.indexes.map((ix) => {
				const cols = ix.config.columns.map((c) => own[(c as SQLiteColumn).name]!);
				const built = (ix.config.unique ? uniqueIndex : index)(ix.config.name).on(
					...(cols as [(typeof cols)[number], ...(typeof cols)[number][]])
				);
				return ix.config.where ? built.where(ix.config.where as SQL) : built;
			}),
			...config.foreignKeys.map((fk) => {
				const ref = fk.reference();
				const target = getTableConfig(ref.foreignTable as SQLiteTable).name;
				let built = foreignKey({
					name: fk.getName(),
					columns: ref.columns.map((c) => column(config.name, c.name)) as [PgColumn, ...PgColumn[]],
					foreignColumns: ref.foreignColumns.map((c) => column(target, c.name)) as [
						PgColumn,
						...PgColumn[]
					]
				});
				if (fk.onDelete) built = built.onDelete(fk.onDelete);
				if (fk.onUpdate) built = built.onUpdate(fk.onUpdate);
				return built;
			})
		]);
		byName.set(config.name, table as AnyPgTable);
	}
	return byName;
}
