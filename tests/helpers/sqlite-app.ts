// An app context on an SQLite file whatever suite runs (createTestApp gives PostgreSQL under
// `npm run test:pg`): for tests of what only SQLite has (its backup, restore, copying from it).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FakeClock } from '../../src/lib/server/clock';
import type { Config } from '../../src/lib/server/config';
import { closeDatabase } from '../../src/lib/server/db';
import { openDatabase } from '../../src/lib/server/db/open';
import type { TestApp } from './app';

/**
 * A migrated SQLite database in a new temporary folder: `shut` closes the database, `close`
 * closes it and removes the folder.
 */
export async function openSqliteApp(
	start = '2026-03-02T01:00:00Z'
): Promise<TestApp & { file: string; shut: () => Promise<void>; close: () => Promise<void> }> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qualify-ops-'));
	const config: Config = {
		databasePath: path.join(dir, 'qualify.db'),
		databaseUrl: null,
		databaseReadUrl: null,
		port: 0,
		demo: false,
		sessionIdleMs: 30 * 60_000,
		sessionAbsoluteMs: 12 * 3_600_000,
		logLevel: 'silent',
		migrationsFolder: path.resolve('drizzle'),
		contentFolder: path.resolve('content'),
		synchronous: 'FULL',
		employeeNoPattern: null
	};
	const { db } = await openDatabase(config);
	let closed = false;
	const shut = async () => {
		if (!closed) await closeDatabase(db);
		closed = true;
	};
	return {
		db,
		clock: new FakeClock(start),
		config,
		dir,
		file: config.databasePath,
		shut,
		async close() {
			await shut();
			fs.rmSync(dir, { recursive: true, force: true });
		}
	};
}
