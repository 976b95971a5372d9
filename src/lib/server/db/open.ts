import type { Config } from '../config';
import type { Database } from './adapter';
import { setSqlTextDialect } from './dialect';
import { checkSqliteIntegrity, migrateSqlite, openSqlite, type SqliteDatabase } from './sqlite';

/** Opens the configured database, checks it and brings its schema up to date. */
export async function openDatabase(config: Config): Promise<Database> {
	const database = openSqlite(config.databasePath, { synchronous: config.synchronous });
	try {
		checkSqliteIntegrity(database.writer);
		await migrateDatabase(database, config.migrationsFolder);
		setSqlTextDialect(database.dialect);
	} catch (e) {
		await database.close();
		throw e;
	}
	return database;
}

/** Applies the committed migrations in `folder` that `database` has not had yet. */
export async function migrateDatabase(database: Database, folder: string): Promise<void> {
	if (database.dialect === 'sqlite') migrateSqlite((database as SqliteDatabase).writer, folder);
}
