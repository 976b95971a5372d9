import path from 'node:path';
import type { Config } from '../config';
import type { Database } from './adapter';
import { useDialect } from './active-dialect';
import { describeHostList } from './pg-hosts';
import { openPostgres, type PostgresDatabase } from './postgres';
import { migratePostgres } from './pg-migrate';
import { checkSqliteIntegrity, migrateSqlite, openSqlite, type SqliteDatabase } from './sqlite';

/**
 * Opens the configured database (PostgreSQL when DATABASE_URL is set, else the SQLite file),
 * checks it and brings its schema up to date.
 */
export async function openDatabase(config: Config): Promise<Database> {
	if (config.databaseUrl) {
		useDialect('postgres');
		const where = describeHostList(config.databaseUrl);
		let database: PostgresDatabase;
		try {
			database = openPostgres(config.databaseUrl);
		} catch (e) {
			throw new Error(`DATABASE_URL: ${(e as Error).message}`, { cause: e });
		}
		try {
			await migrateDatabase(database, config.migrationsFolder);
		} catch (e) {
			await database.close();
			throw new Error(`PostgreSQL at ${where}: ${(e as Error).message}`, { cause: e });
		}
		return database;
	}
	useDialect('sqlite');
	const database = openSqlite(config.databasePath, { synchronous: config.synchronous });
	try {
		checkSqliteIntegrity(database.writer);
		await migrateDatabase(database, config.migrationsFolder);
	} catch (e) {
		await database.close();
		throw e;
	}
	return database;
}

/**
 * Applies the committed migrations `database` has not had yet: SQLite's from `folder`
 * (drizzle/), PostgreSQL's from its `pg` subfolder.
 */
export async function migrateDatabase(database: Database, folder: string): Promise<void> {
	if (database.dialect === 'sqlite') migrateSqlite((database as SqliteDatabase).writer, folder);
	else await migratePostgres((database as PostgresDatabase).pool, path.join(folder, 'pg'));
}

/**
 * Opens the reports' replica (DATABASE_READ_URL): no migrations (a standby cannot take them,
 * and the primary's are replicated to it); a standby is preferred when the URL lists several.
 */
export function openReadReplica(url: string): Database {
	try {
		return openPostgres(url, { attrs: 'prefer-standby', max: 5 });
	} catch (e) {
		throw new Error(`DATABASE_READ_URL: ${(e as Error).message}`, { cause: e });
	}
}
