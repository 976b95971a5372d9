import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import * as schema from '../../../src/lib/server/db/schema';
import { schemaTables } from '../../../src/lib/server/db/schema-tables';
import { TableDigest, toRow } from '../../../src/lib/server/db/table-digest';

const tables = (Object.values(schema) as unknown[]).filter(
	(v): v is SQLiteTable => v instanceof SQLiteTable
);

describe('the tables a copy walks over', () => {
	it('lists every table of the schema once', () => {
		const names = schemaTables().map((t) => t.name);
		expect(new Set(names).size).toBe(names.length);
		expect([...names].sort()).toEqual(tables.map((t) => getTableConfig(t).name).sort());
	});

	it('puts each table after every table its foreign keys point at, unless the link is set late', () => {
		const position = new Map(schemaTables().map((t, i) => [t.name, i]));
		const late = new Map(schemaTables().map((t) => [t.name, new Set(t.lateReferences)]));
		for (const t of tables) {
			const config = getTableConfig(t);
			for (const fk of config.foreignKeys) {
				const ref = fk.reference();
				const target = getTableConfig(ref.foreignTable as SQLiteTable).name;
				const columns = ref.columns.map((c) => c.name);
				if (columns.every((c) => late.get(config.name)!.has(c))) {
					// Set late only where it may be null meanwhile.
					expect(
						ref.columns.every((c) => !c.notNull),
						`${config.name}.${columns}`
					).toBe(true);
					continue;
				}
				expect(position.get(target)!, `${config.name} → ${target}`).toBeLessThan(
					position.get(config.name)!
				);
			}
		}
	});

	it('sets the course ↔ current version cycle and a parent branch late', () => {
		const byName = new Map(schemaTables().map((t) => [t.name, t]));
		expect(byName.get('course')!.lateReferences).toContain('current_version_id');
		expect(byName.get('branch')!.lateReferences).toContain('parent_id');
		expect(byName.get('course_version')!.lateReferences).toEqual([]);
	});
});

describe('a table checksum', () => {
	const table = schemaTables().find((t) => t.name === 'attempt_answer')!;
	const kinds = table.columns.map((c) => c.kind);

	function sample(kind: string, side: 'sqlite' | 'postgres'): unknown {
		// What each driver returns for the same stored value.
		switch (kind) {
			case 'integer':
				return side === 'sqlite' ? 1733000000123n : BigInt('1733000000123');
			case 'boolean':
				return side === 'sqlite' ? 1n : true;
			case 'real':
				return 0.1 + 0.2;
			case 'text':
				return '{"choice":"A"}';
			default:
				return Buffer.from('ab');
		}
	}

	it('is the same for the values each driver returns for one row', () => {
		const fromSqlite = new TableDigest();
		const fromPostgres = new TableDigest();
		fromSqlite.add(
			toRow(
				table,
				kinds.map((k) => sample(k, 'sqlite'))
			)
		);
		fromPostgres.add(
			toRow(
				table,
				kinds.map((k) => sample(k, 'postgres'))
			)
		);
		expect(fromSqlite.finish()).toBe(fromPostgres.finish());
	});

	it('changes when one value changes, or a null becomes text', () => {
		const row = kinds.map((k) => sample(k, 'sqlite'));
		const digest = (r: unknown[]) => {
			const d = new TableDigest();
			d.add(toRow(table, r));
			return d.finish();
		};
		const base = digest(row);
		const answer = table.columns.findIndex((c) => c.name === 'answer');
		expect(digest(row.map((v, i) => (i === answer ? '{"choice":"B"}' : v)))).not.toBe(base);
		expect(digest(row.map((v, i) => (i === answer ? null : v)))).not.toBe(
			digest(row.map((v, i) => (i === answer ? 'null' : v)))
		);
	});

	it('refuses a value that does not fit its column', () => {
		expect(() =>
			toRow(
				table,
				kinds.map((k) => (k === 'integer' ? 1.5 : sample(k, 'sqlite')))
			)
		).toThrow(/attempt_answer\.\w+: cannot read number 1\.5 as integer/);
	});
});
