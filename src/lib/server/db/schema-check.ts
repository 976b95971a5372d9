// `check-schema`: does a database (a restored PostgreSQL dump, a copied or restored SQLite file)
// carry the schema this build expects: its migrations, and every table and column.
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { readAppliedPostgres } from './copy-pg';
import { readAppliedSqlite } from './copy-sqlite';
import type { HostPool } from './pg-pool';
import { schemaTables } from './schema-tables';
import { buildMigrations, compareSchema, type SchemaStanding } from './schema-version';

export interface SchemaReport {
	standing: SchemaStanding;
	/** How many migrations this build carries for the database's dialect. */
	buildCount: number;
	/** `table.column` of this build's schema that the database lacks. */
	missing: string[];
	/** True when this build can serve the database (it migrates one that is behind at start). */
	ok: boolean;
}

function missingColumns(present: Set<string>): string[] {
	return schemaTables().flatMap((t) =>
		t.columns.map((c) => `${t.name}.${c.name}`).filter((name) => !present.has(name))
	);
}

function report(standing: SchemaStanding, buildCount: number, present: Set<string>): SchemaReport {
	// Only a current schema must have every column: one behind gets them when the app starts.
	const missing = standing.state === 'current' ? missingColumns(present) : [];
	const ok = (standing.state === 'current' || standing.state === 'behind') && missing.length === 0;
	return { standing, buildCount, missing, ok };
}

/** Checks the SQLite file `file` (opened read-only) against this build's schema. */
export function checkSqliteSchema(file: string, migrationsFolder: string): SchemaReport {
	const connection = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
	try {
		const build = buildMigrations(migrationsFolder);
		const standing = compareSchema(build, readAppliedSqlite(connection));
		const present = new Set<string>();
		for (const t of schemaTables()) {
			const columns = connection.pragma(`table_info("${t.name}")`) as { name: string }[];
			for (const c of columns) present.add(`${t.name}.${c.name}`);
		}
		return report(standing, build.length, present);
	} finally {
		connection.close();
	}
}

/** Checks the PostgreSQL database `pool` is on against this build's schema. */
export async function checkPostgresSchema(
	pool: HostPool,
	migrationsFolder: string
): Promise<SchemaReport> {
	const client = await pool.connect();
	try {
		const build = buildMigrations(path.join(migrationsFolder, 'pg'));
		const standing = compareSchema(build, await readAppliedPostgres(client));
		const columns = await client.query<{ t: string; c: string }>(
			`select table_name as t, column_name as c from information_schema.columns
			 where table_schema = current_schema()`
		);
		const present = new Set(columns.rows.map((r) => `${r.t}.${r.c}`));
		return report(standing, build.length, present);
	} finally {
		client.release();
	}
}
