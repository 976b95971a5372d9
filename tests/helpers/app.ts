import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { FakeClock } from '../../src/lib/server/clock';
import type { Config } from '../../src/lib/server/config';
import type { AppContext } from '../../src/lib/server/context';
import { closeDatabase } from '../../src/lib/server/db';
import { openDatabase } from '../../src/lib/server/db/open';

export interface TestApp extends AppContext {
	clock: FakeClock;
	dir: string;
}

const opened: TestApp[] = [];

afterEach(async () => {
	for (const app of opened.splice(0)) {
		await closeDatabase(app.db);
		fs.rmSync(app.dir, { recursive: true, force: true });
	}
});

/** A fresh migrated database in its own temporary folder, with a fake clock. */
export async function createTestApp(
	overrides: Partial<Config> = {},
	start = '2026-03-02T01:00:00Z'
): Promise<TestApp> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qualify-test-'));
	const config: Config = {
		databasePath: path.join(dir, 'test.db'),
		port: 0,
		demo: false,
		sessionIdleMs: 30 * 60_000,
		sessionAbsoluteMs: 12 * 3_600_000,
		logLevel: 'silent',
		migrationsFolder: path.resolve('drizzle'),
		contentFolder: path.resolve('content'),
		synchronous: 'FULL',
		employeeNoPattern: null,
		...overrides
	};
	const { db } = await openDatabase(config);
	const app: TestApp = { db, clock: new FakeClock(start), config, dir };
	opened.push(app);
	return app;
}
