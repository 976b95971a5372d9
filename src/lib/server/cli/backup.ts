import { readConfig } from '../config';
import { backupSqlite } from '../db/backup';
import { parseSingle } from './args';
import type { Command } from './commands';
import { postgresBackupAdvice } from './postgres-tools';

const USAGE = 'backup <file>';

/** "8.3 MB" */
export function formatBytes(bytes: number): string {
	if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
	return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** `backup`: a consistent copy of the SQLite database, taken while the app serves. */
export const backup: Command = {
	usage: USAGE,
	summary:
		'Back the SQLite database up into a new file while the app keeps serving (SQLite online backup); on PostgreSQL, print the pg_dump command.',
	async run(args) {
		const parsed = parseSingle(args, USAGE, 'backup file', {});
		if (typeof parsed === 'number') return parsed;
		const config = readConfig();
		if (config.databaseUrl) {
			console.error(postgresBackupAdvice(config.databaseUrl, parsed.positional));
			return 1;
		}
		try {
			const result = await backupSqlite(config.databasePath, parsed.positional);
			console.log(
				`Backed up ${config.databasePath} to ${result.file}: ${formatBytes(result.bytes)} in ${(result.ms / 1000).toFixed(1)} s.`
			);
			return 0;
		} catch (e) {
			console.error(`Backup failed: ${(e as Error).message}`);
			return 1;
		}
	}
};
