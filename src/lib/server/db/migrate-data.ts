// `migrate-data`: a county office's SQLite file into an empty PostgreSQL database, and back
// into an empty SQLite file for a test copy. The sides are in copy-sqlite.ts and copy-pg.ts,
// the copy and its checks in copy.ts.
import fs from 'node:fs';
import path from 'node:path';
import {
	copyDatabase,
	findOccupiedTable,
	type CopyProgress,
	type CopySource,
	type TableCheck
} from './copy';
import { openPostgresSource, openPostgresTarget } from './copy-pg';
import { openFreshSchema, openSqliteSource, sqliteTarget } from './copy-sqlite';
import { migrateDatabase } from './open';
import { describeHostList } from './pg-hosts';
import { openPostgres, type PostgresDatabase } from './postgres';
import { buildMigrations, compareSchema, describeStanding } from './schema-version';
import { openSqlite } from './sqlite';

/** A copy that must not start: the message says why and what to do. */
export class CopyRefused extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'CopyRefused';
	}
}

export interface MigrateOptions {
	/** drizzle/ (PostgreSQL's migrations are in its pg subfolder). */
	migrationsFolder: string;
	onProgress?: (progress: CopyProgress) => void;
}

export interface MigrateResult {
	source: string;
	target: string;
	checks: TableCheck[];
	committed: boolean;
}

async function requireCurrentSchema(source: CopySource, folder: string): Promise<void> {
	const build = buildMigrations(folder);
	const standing = compareSchema(build, await source.appliedMigrations());
	if (standing.state === 'current') return;
	const advice =
		standing.state === 'behind'
			? ' Start this version of Qualify on it once (it migrates at start), then copy.'
			: '';
	throw new CopyRefused(`${source.label}: ${describeStanding(standing, build.length)}.${advice}`);
}

async function openMigratedPostgres(url: string, folder: string): Promise<PostgresDatabase> {
	const where = describeHostList(url);
	let database: PostgresDatabase;
	try {
		database = openPostgres(url, { max: 2 });
	} catch (e) {
		throw new CopyRefused(`the PostgreSQL URL: ${(e as Error).message}`);
	}
	try {
		await migrateDatabase(database, folder);
	} catch (e) {
		await database.close();
		throw new CopyRefused(`PostgreSQL at ${where}: ${(e as Error).message}`);
	}
	return database;
}

function refuseOccupied(label: string, occupied: { table: string; rows: number }): never {
	throw new CopyRefused(
		`${label} is not empty: table ${occupied.table} holds ${occupied.rows} row(s). ` +
			'migrate-data copies into an empty database only; give it a new one.'
	);
}

/** Copies the SQLite file `file` (read only, live) into the empty PostgreSQL database `url`. */
export async function migrateSqliteToPostgres(
	file: string,
	url: string,
	options: MigrateOptions
): Promise<MigrateResult> {
	if (!fs.existsSync(file)) throw new CopyRefused(`no SQLite database at ${file}`);
	let source: CopySource;
	try {
		source = openSqliteSource(file);
	} catch (e) {
		throw new CopyRefused(`SQLite ${file} cannot be read: ${(e as Error).message}`);
	}
	try {
		await requireCurrentSchema(source, options.migrationsFolder);
		const database = await openMigratedPostgres(url, options.migrationsFolder);
		const label = `PostgreSQL ${describeHostList(url)}`;
		const target = await openPostgresTarget(database.pool, label);
		const fresh = openFreshSchema(options.migrationsFolder);
		try {
			const occupied = await findOccupiedTable(target, fresh);
			if (occupied) refuseOccupied(label, occupied);
			const result = await copyDatabase(source, target, options.onProgress);
			return { source: source.label, target: label, ...result };
		} finally {
			fresh.close();
			await target.close();
			await database.close();
		}
	} finally {
		await source.close();
	}
}

/**
 * Copies the PostgreSQL database `url` (one repeatable-read snapshot) into the SQLite file
 * `file`, which must not exist or be freshly migrated and empty.
 */
export async function migratePostgresToSqlite(
	url: string,
	file: string,
	options: MigrateOptions
): Promise<MigrateResult> {
	const created = !fs.existsSync(file);
	const pool = openPostgres(url, { max: 1, attrs: 'any' });
	const label = `PostgreSQL ${describeHostList(url)}`;
	let committed = false;
	try {
		let source: CopySource;
		try {
			source = await openPostgresSource(pool.pool, label);
		} catch (e) {
			throw new CopyRefused(`${label}: ${(e as Error).message}`);
		}
		try {
			await requireCurrentSchema(source, path.join(options.migrationsFolder, 'pg'));
			const database = openSqlite(file);
			const fresh = openFreshSchema(options.migrationsFolder);
			const target = sqliteTarget(database.writer, `SQLite ${file}`);
			try {
				await migrateDatabase(database, options.migrationsFolder);
				const occupied = await findOccupiedTable(target, fresh);
				if (occupied) refuseOccupied(target.label, occupied);
				const result = await copyDatabase(source, target, options.onProgress);
				committed = result.committed;
				return { source: label, target: target.label, ...result };
			} finally {
				fresh.close();
				await target.close();
				await database.close();
			}
		} finally {
			await source.close();
		}
	} finally {
		await pool.close();
		// A file this made and did not fill is no database anyone asked for.
		if (created && !committed) {
			for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
		}
	}
}
