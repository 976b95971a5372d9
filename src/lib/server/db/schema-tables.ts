// The app's tables as data, read from the schema (db/schema/): what copying, checksumming and
// checking a database walk over. Nothing here is a hand-written list: a table added to the
// schema is copied and verified too.
import { getTableConfig, SQLiteTable, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import * as schema from './schema';

/** How a column's values travel between the two databases (docs/data-layer.md, "Values"). */
export type ColumnKind = 'integer' | 'boolean' | 'text' | 'real' | 'blob';

export interface TableColumn {
	name: string;
	kind: ColumnKind;
}

export interface SchemaTable {
	name: string;
	columns: TableColumn[];
	/** Primary key columns: the order rows are read in on both sides. */
	key: string[];
	/** The integer id a sequence (PostgreSQL) or sqlite_sequence (SQLite) hands out, if any. */
	identity: string | null;
	/**
	 * Foreign-key columns whose row may not be there yet when this one is inserted: pointers to
	 * the same table (a parent branch, a correction) and the one nullable link that closes a
	 * cycle of tables (a course and its current version). A copy sets them after every table.
	 */
	lateReferences: string[];
}

interface Reference {
	table: string;
	columns: string[];
	nullable: boolean;
}

const KINDS: Record<string, ColumnKind> = {
	SQLiteInteger: 'integer',
	SQLiteBoolean: 'boolean',
	SQLiteText: 'text',
	SQLiteTextJson: 'text',
	SQLiteReal: 'real',
	SQLiteBlobBuffer: 'blob'
};

type Described = SchemaTable & { references: Reference[] };

function describe(table: SQLiteTable): Described {
	const config = getTableConfig(table);
	const columns = config.columns.map((c: SQLiteColumn) => {
		const kind = KINDS[c.columnType];
		if (!kind) throw new Error(`${config.name}.${c.name}: no copy rule for ${c.columnType}`);
		return { name: c.name, kind };
	});
	const single = config.columns.filter((c) => c.primary).map((c) => c.name);
	const key =
		single.length > 0 ? single : (config.primaryKeys[0]?.columns.map((c) => c.name) ?? []);
	if (key.length === 0) throw new Error(`${config.name} has no primary key to read it in order`);
	const keyColumn = columns.find((c) => c.name === key[0]);
	const references = config.foreignKeys.map((fk) => {
		const ref = fk.reference();
		return {
			table: getTableConfig(ref.foreignTable as SQLiteTable).name,
			columns: ref.columns.map((c) => c.name),
			nullable: ref.columns.every((c) => !c.notNull)
		};
	});
	return {
		name: config.name,
		columns,
		key,
		identity: key.length === 1 && keyColumn?.kind === 'integer' ? key[0]! : null,
		lateReferences: references.filter((r) => r.table === config.name).flatMap((r) => r.columns),
		references: references.filter((r) => r.table !== config.name)
	};
}

let cached: SchemaTable[] | null = null;

function reaches(byName: Map<string, Described>, from: string, to: string): boolean {
	const seen = new Set<string>();
	const walk = (name: string): boolean => {
		if (name === to) return true;
		if (seen.has(name)) return false;
		seen.add(name);
		return byName.get(name)!.references.some((r) => walk(r.table));
	};
	return walk(from);
}

/**
 * Every table of the schema, each after the tables its foreign keys point at, so rows can be
 * inserted in this order and deleted in the reverse one. A nullable link that closes a cycle
 * (course → its current version → course) is left out of the order and set late.
 */
export function schemaTables(): SchemaTable[] {
	if (cached) return cached;
	const all = (Object.values(schema) as unknown[])
		.filter((v): v is SQLiteTable => v instanceof SQLiteTable)
		.map(describe)
		.sort((a, b) => a.name.localeCompare(b.name));
	const byName = new Map(all.map((t) => [t.name, t]));
	for (const t of all) {
		const cyclic = t.references.filter((r) => r.nullable && reaches(byName, r.table, t.name));
		t.lateReferences.push(...cyclic.flatMap((r) => r.columns));
		t.references = t.references.filter((r) => !cyclic.includes(r));
	}
	const ordered: SchemaTable[] = [];
	const state = new Map<string, 'visiting' | 'done'>();
	const visit = (t: Described, path: string[]): void => {
		if (state.get(t.name) === 'done') return;
		if (state.get(t.name) === 'visiting') {
			throw new Error(
				`foreign keys form a cycle of required links: ${[...path, t.name].join(' → ')}`
			);
		}
		state.set(t.name, 'visiting');
		for (const r of t.references) visit(byName.get(r.table)!, [...path, t.name]);
		state.set(t.name, 'done');
		const { references: _references, ...table } = t; // eslint-disable-line @typescript-eslint/no-unused-vars
		ordered.push(table);
	};
	for (const t of all) visit(t, []);
	cached = ordered;
	return ordered;
}

/** `"name"`: an identifier quoted the way both SQLite and PostgreSQL read it. */
export function quoteName(name: string): string {
	return `"${name.replace(/"/g, '""')}"`;
}
