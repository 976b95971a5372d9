import { systemClock } from '../clock';
import { readConfig } from '../config';
import type { AppContext } from '../context';
import { closeDatabase } from '../db';
import { openDatabase } from '../db/open';
import { reportDomainError } from './output';

/**
 * The database as a CLI command needs it: checked and migrated like at server start, but
 * never seeded with demo data (a command must not invent an organisation).
 */
export async function openApp(): Promise<AppContext> {
	const config = readConfig();
	const { db } = await openDatabase(config);
	return { db, clock: systemClock, config };
}

export async function closeApp(ctx: AppContext): Promise<void> {
	return await closeDatabase(ctx.db);
}

/** Runs `work` against the opened database; a domain error is printed and exits 1. */
export async function withApp(work: (ctx: AppContext) => Promise<number>): Promise<number> {
	const ctx = await openApp();
	try {
		return await work(ctx);
	} catch (e) {
		if (reportDomainError(e)) return 1;
		throw e;
	} finally {
		await closeApp(ctx);
	}
}
