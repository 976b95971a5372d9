import { SQL } from 'drizzle-orm';
import { PgDialect, getTableConfig as pgConfig, PgTable } from 'drizzle-orm/pg-core';
import {
	SQLiteSyncDialect,
	getTableConfig as sqliteConfig,
	SQLiteTable
} from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import * as sqlite from '../../../src/lib/server/db/schema';
import * as pg from '../../../src/lib/server/db/schema-pg';
import { isWide } from '../../../src/lib/server/db/schema-pg/derive';

// What a column of each SQLite kind must be on PostgreSQL.
const PG_TYPE: Record<string, (table: string, column: string, primary: boolean) => string> = {
	SQLiteInteger: (t, c, primary) => (primary ? 'integer' : isWide(t, c) ? 'bigint' : 'integer'),
	SQLiteBoolean: () => 'boolean',
	SQLiteText: () => 'text',
	SQLiteTextJson: () => 'text',
	SQLiteReal: () => 'double precision',
	SQLiteBlobBuffer: () => 'bytea'
};

const sqliteTables = (Object.values(sqlite) as unknown[]).filter(
	(v): v is SQLiteTable => v instanceof SQLiteTable
);
const pgTables = (Object.values(pg) as unknown[]).filter((v): v is PgTable => v instanceof PgTable);

function whereText(where: SQL | undefined, dialect: 'sqlite' | 'pg'): string | null {
	if (!where) return null;
	const d = dialect === 'sqlite' ? new SQLiteSyncDialect() : new PgDialect();
	return d.sqlToQuery(where).sql;
}

function describeSqlite(table: SQLiteTable) {
	const c = sqliteConfig(table);
	return {
		name: c.name,
		columns: c.columns.map((col) => ({
			name: col.name,
			type: PG_TYPE[col.columnType]!(c.name, col.name, col.primary),
			notNull: col.notNull,
			primary: col.primary,
			unique: col.isUnique,
			default:
				col.default === undefined
					? null
					: col.columnType === 'SQLiteTextJson' && typeof col.default !== 'string'
						? JSON.stringify(col.default)
						: col.default
		})),
		primaryKeys: c.primaryKeys.map((pk) => pk.columns.map((x) => x.name)),
		foreignKeys: c.foreignKeys.map((fk) => {
			const r = fk.reference();
			return {
				columns: r.columns.map((x) => x.name),
				table: sqliteConfig(r.foreignTable as SQLiteTable).name,
				foreignColumns: r.foreignColumns.map((x) => x.name),
				onDelete: fk.onDelete ?? 'no action'
			};
		}),
		indexes: c.indexes.map((ix) => ({
			name: ix.config.name,
			unique: ix.config.unique,
			columns: ix.config.columns.map((x) => (x as { name: string }).name),
			where: whereText(ix.config.where, 'sqlite')
		}))
	};
}

function describePg(table: PgTable) {
	const c = pgConfig(table);
	return {
		name: c.name,
		columns: c.columns.map((col) => ({
			name: col.name,
			type: col.getSQLType(),
			notNull: col.notNull,
			primary: col.primary,
			unique: col.isUnique,
			default: col.default === undefined ? null : col.default
		})),
		primaryKeys: c.primaryKeys.map((pk) => pk.columns.map((x) => x.name)),
		foreignKeys: c.foreignKeys.map((fk) => {
			const r = fk.reference();
			return {
				columns: r.columns.map((x) => x.name),
				table: pgConfig(r.foreignTable).name,
				foreignColumns: r.foreignColumns.map((x) => x.name),
				onDelete: fk.onDelete ?? 'no action'
			};
		}),
		indexes: c.indexes.map((ix) => ({
			name: ix.config.name,
			unique: ix.config.unique,
			columns: ix.config.columns.map((x) => (x as { name: string }).name),
			where: whereText(ix.config.where, 'pg')
		}))
	};
}

describe('the SQLite and PostgreSQL schemas', () => {
	it('have the same tables, every one exported for drizzle-kit', () => {
		const names = (ts: { name: string }[]) => ts.map((t) => t.name).sort();
		expect(names(pgTables.map(describePg))).toEqual(names(sqliteTables.map(describeSqlite)));
		expect(pgTables.length).toBeGreaterThan(40);
	});

	it('describe the same columns, keys and indexes in every table', () => {
		const pgByName = new Map(pgTables.map((t) => [pgConfig(t).name, describePg(t)]));
		for (const table of sqliteTables) {
			const expected = describeSqlite(table);
			expect(pgByName.get(expected.name), expected.name).toEqual(expected);
		}
	});

	it('keep instants and the browser’s microsecond sequence numbers in 64-bit integers', () => {
		const types = new Map(
			pgTables.flatMap((t) => {
				const c = pgConfig(t);
				return c.columns.map((col) => [`${c.name}.${col.name}`, col.getSQLType()] as const);
			})
		);
		expect(types.get('attempt_answer.seq')).toBe('bigint');
		expect(types.get('attempt.started_at')).toBe('bigint');
		expect(types.get('audit_event.at')).toBe('bigint');
		expect(types.get('attempt.id')).toBe('integer');
		expect(types.get('staff.must_change_password')).toBe('boolean');
	});
});
