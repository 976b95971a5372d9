// An app context on an SQLite file whatever suite runs (createTestApp gives PostgreSQL under
// `npm run test:pg`): for tests of what only SQLite has (its backup, restore, copying from it).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FakeClock } from '../../src/lib/server/clock';
import { closeDatabase } from '../../src/lib/server/db';
import { openDatabase } from '../../src/lib/server/db/open';
import { testConfig, type TestApp } from './app';

/**
 * A migrated SQLite database in a new temporary folder: `shut` closes the database, `close`
 * closes it and removes the folder.
 */
export async function openSqliteApp(
	start = '2026-03-02T01:00:00Z'
): Promise<TestApp & { file: string; shut: () => Promise<void>; close: () => Promise<void> }> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qualify-ops-'));
	const config = testConfig(path.join(dir, 'qualify.db'));
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
