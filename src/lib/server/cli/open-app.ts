import { systemClock } from '../clock';
import { readConfig } from '../config';
import type { AppContext } from '../context';
import { checkIntegrity, createDb, migrateDb } from '../db';

/**
 * The database as a CLI command needs it: checked and migrated like at server start, but
 * never seeded with demo data (a command must not invent an organisation).
 */
export function openApp(): AppContext {
	const config = readConfig();
	const db = createDb(config.databasePath);
	checkIntegrity(db);
	migrateDb(db, config.migrationsFolder);
	return { db, clock: systemClock, config };
}

export function closeApp(ctx: AppContext): void {
	ctx.db.$client.close();
}
