import { readConfig } from '../config';
import { RestoreRefused, restoreSqlite } from '../db/restore';
import { buildMigrations, describeStanding } from '../db/schema-version';
import { parseSingle } from './args';
import type { Command } from './commands';
import { postgresRestoreAdvice } from './postgres-tools';

const USAGE = 'restore <file> [--force]';

/** `restore`: puts a checked backup in place of the SQLite database, keeping the old one. */
export const restore: Command = {
	usage: USAGE,
	summary:
		'Check a backup (integrity, a Qualify database, not newer than this build) and put it in place of the SQLite database, keeping the old file; the app must be stopped (--force skips that check). On PostgreSQL, print the pg_restore commands.',
	async run(args) {
		const parsed = parseSingle(args, USAGE, 'backup file', { force: { type: 'boolean' } });
		if (typeof parsed === 'number') return parsed;
		const config = readConfig();
		if (config.databaseUrl) {
			console.error(postgresRestoreAdvice(config.databaseUrl, parsed.positional));
			return 1;
		}
		try {
			const result = restoreSqlite(parsed.positional, config.databasePath, {
				migrationsFolder: config.migrationsFolder,
				force: parsed.values.force ?? false
			});
			const count = buildMigrations(config.migrationsFolder).length;
			if (result.keptAs) console.log(`Kept the replaced database as ${result.keptAs}.`);
			console.log(
				`Restored ${parsed.positional} to ${config.databasePath}: ${describeStanding(result.standing, count)}.`
			);
			return 0;
		} catch (e) {
			if (!(e instanceof RestoreRefused)) throw e;
			console.error(`Not restored: ${e.message}`);
			return 1;
		}
	}
};
