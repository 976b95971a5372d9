import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { FakeClock } from '../../src/lib/server/clock';
import type { Config } from '../../src/lib/server/config';
import type { AppContext } from '../../src/lib/server/context';
import { closeDatabase } from '../../src/lib/server/db';
import { openDatabase } from '../../src/lib/server/db/open';
import { freshPostgres, PG_ADMIN_URL } from './postgres';

export interface TestApp extends AppContext {
	clock: FakeClock;
	dir: string;
	/** Removes the test's PostgreSQL database (nothing on SQLite, where `dir` holds the file). */
	drop?: () => Promise<void>;
}

const opened: TestApp[] = [];

afterEach(async () => {
	for (const app of opened.splice(0)) {
		await closeDatabase(app.db);
		await app.drop?.();
		fs.rmSync(app.dir, { recursive: true, force: true });
	}
});

/** The settings every test database starts from: SQLite at `databasePath`, no demo, quiet. */
export function testConfig(databasePath: string): Config {
	return {
		databasePath,
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
}

/**
 * A fresh migrated database in its own temporary folder (or, under `npm run test:pg`, a fresh
 * PostgreSQL database), with a fake clock.
 */
export async function createTestApp(
	overrides: Partial<Config> = {},
	start = '2026-03-02T01:00:00Z'
): Promise<TestApp> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qualify-test-'));
	const config: Config = { ...testConfig(path.join(dir, 'test.db')), ...overrides };
	const pg = PG_ADMIN_URL && !overrides.databaseUrl ? await freshPostgres(config) : null;
	if (pg) config.databaseUrl = pg.url;
	const { db } = await openDatabase(config);
	const app: TestApp = { db, clock: new FakeClock(start), config, dir, drop: pg?.drop };
	opened.push(app);
	return app;
}
