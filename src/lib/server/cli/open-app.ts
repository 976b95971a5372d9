import { systemClock } from '../clock';
import { readConfig } from '../config';
import type { AppContext } from '../context';
import { checkIntegrity, createDb, migrateDb } from '../db';
import { reportDomainError } from './output';

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

/** Runs `work` against the opened database; a domain error is printed and exits 1. */
export async function withApp(work: (ctx: AppContext) => Promise<number>): Promise<number> {
	const ctx = openApp();
	try {
		return await work(ctx);
	} catch (e) {
		if (reportDomainError(e)) return 1;
		throw e;
	} finally {
		closeApp(ctx);
	}
}
