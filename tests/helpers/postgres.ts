// Fresh PostgreSQL databases for the integration suite when it runs on PostgreSQL
// (`npm run test:pg` sets QUALIFY_TEST_PG_URL to its throwaway cluster): each test gets a
// database of its own, copied from a template migrated once per test worker.
import path from 'node:path';
import { closeDatabase } from '../../src/lib/server/db';
import { openDatabase } from '../../src/lib/server/db/open';
import type { Config } from '../../src/lib/server/config';
import { adminQuery } from '../pg/admin';

export const PG_ADMIN_URL = process.env.QUALIFY_TEST_PG_URL ?? null;

let template: Promise<string> | null = null;
let counter = 0;

export function urlFor(database: string, base = PG_ADMIN_URL!): string {
	const url = new URL(base);
	url.pathname = `/${database}`;
	return url.toString();
}

async function migratedTemplate(base: Config): Promise<string> {
	const name = `qualify_tpl_${process.pid}`;
	await adminQuery(PG_ADMIN_URL!, `drop database if exists ${name}`);
	await adminQuery(PG_ADMIN_URL!, `create database ${name}`);
	const database = await openDatabase({ ...base, databaseUrl: urlFor(name) });
	await closeDatabase(database.db);
	return name;
}

/** A new, migrated, empty database; the returned `drop` removes it. */
export async function freshPostgres(
	base: Config
): Promise<{ url: string; drop: () => Promise<void> }> {
	template ??= migratedTemplate({ ...base, migrationsFolder: path.resolve('drizzle') });
	const from = await template;
	const name = `qualify_t_${process.pid}_${++counter}`;
	await adminQuery(PG_ADMIN_URL!, `create database ${name} template ${from}`);
	return {
		url: urlFor(name),
		drop: async () => {
			await adminQuery(PG_ADMIN_URL!, `drop database if exists ${name} with (force)`);
		}
	};
}

/** A new database with nothing in it, not even the schema; the returned `drop` removes it. */
export async function emptyPostgres(): Promise<{ url: string; drop: () => Promise<void> }> {
	const name = `qualify_e_${process.pid}_${++counter}`;
	await adminQuery(PG_ADMIN_URL!, `create database ${name}`);
	return {
		url: urlFor(name),
		drop: async () => {
			await adminQuery(PG_ADMIN_URL!, `drop database if exists ${name} with (force)`);
		}
	};
}
