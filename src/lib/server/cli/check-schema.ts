import fs from 'node:fs';
import path from 'node:path';
import { readConfig } from '../config';
import { describeHostList } from '../db/pg-hosts';
import { openPostgres } from '../db/postgres';
import { checkPostgresSchema, checkSqliteSchema, type SchemaReport } from '../db/schema-check';
import { describeStanding } from '../db/schema-version';
import { usageError } from './args';
import type { Command } from './commands';

const USAGE = 'check-schema';

async function inspect(): Promise<{ where: string; report: SchemaReport }> {
	const config = readConfig();
	if (config.databaseUrl) {
		const database = openPostgres(config.databaseUrl, { max: 1 });
		try {
			const report = await checkPostgresSchema(database.pool, config.migrationsFolder);
			return { where: `PostgreSQL ${describeHostList(config.databaseUrl)}`, report };
		} finally {
			await database.close();
		}
	}
	const where = `SQLite ${path.resolve(config.databasePath)}`;
	if (!fs.existsSync(config.databasePath)) throw new Error(`${where}: no such file`);
	try {
		return { where, report: checkSqliteSchema(config.databasePath, config.migrationsFolder) };
	} catch (e) {
		throw new Error(`${where} cannot be read: ${(e as Error).message}`, { cause: e });
	}
}

/** `check-schema`: whether this build can serve the configured database, without changing it. */
export const checkSchema: Command = {
	usage: USAGE,
	summary:
		"Check the configured database (DATABASE_URL or DATABASE_PATH), e.g. after a restore: its migrations against this build's, and every table and column; changes nothing.",
	async run(args) {
		if (args.length > 0) return usageError(USAGE, 'check-schema takes no arguments.');
		const { where, report } = await inspect();
		console.log(`${where}: ${describeStanding(report.standing, report.buildCount)}.`);
		if (report.missing.length > 0) {
			console.log(`Missing columns: ${report.missing.join(', ')}.`);
		}
		console.log(report.ok ? 'This build can serve it.' : 'This build cannot serve it.');
		return report.ok ? 0 : 1;
	}
};
