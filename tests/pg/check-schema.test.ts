import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateSqliteToPostgres } from '../../src/lib/server/db/migrate-data';
import { openPostgres } from '../../src/lib/server/db/postgres';
import { checkPostgresSchema, type SchemaReport } from '../../src/lib/server/db/schema-check';
import { emptyPostgres, PG_ADMIN_URL } from '../helpers/postgres';
import { openSqliteApp } from '../helpers/sqlite-app';
import { adminQuery } from './admin';
import { findPostgresBin } from './cluster';
import { seedExaminees } from './seed-examinees';

const MIGRATIONS = path.resolve('drizzle');
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
	for (const c of cleanups.splice(0).reverse()) await c();
});

async function empty(): Promise<string> {
	const pg = await emptyPostgres();
	cleanups.push(pg.drop);
	return pg.url;
}

async function check(url: string): Promise<SchemaReport> {
	const database = openPostgres(url, { max: 1 });
	try {
		return await checkPostgresSchema(database.pool, MIGRATIONS);
	} finally {
		await database.close();
	}
}

/** A PostgreSQL database holding a small office, copied in by migrate-data. */
async function office(): Promise<string> {
	const a = await openSqliteApp();
	cleanups.push(a.close);
	await seedExaminees(a, 2);
	const url = await empty();
	await migrateSqliteToPostgres(a.file, url, { migrationsFolder: MIGRATIONS });
	return url;
}

describe.skipIf(!PG_ADMIN_URL)('check-schema on PostgreSQL', () => {
	it('accepts a database restored with pg_dump and pg_restore', async () => {
		const source = await office();
		const restored = await empty();
		const bin = findPostgresBin()!;
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qualify-dump-'));
		cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
		const dump = path.join(dir, 'qualify.dump');
		execFileSync(path.join(bin, 'pg_dump'), ['-Fc', '-d', source, '-f', dump]);
		execFileSync(path.join(bin, 'pg_restore'), [
			'--no-owner',
			'--exit-on-error',
			'-d',
			restored,
			dump
		]);

		const report = await check(restored);
		expect(report.standing).toEqual({ state: 'current', applied: report.buildCount });
		expect(report.missing).toEqual([]);
		expect(report.ok).toBe(true);
		const [row] = await adminQuery<{ n: string }>(restored, 'select count(*) as n from attempt');
		expect(Number(row!.n)).toBe(2);
	}, 60_000);

	it('says an empty database is not a Qualify one', async () => {
		const report = await check(await empty());
		expect(report.standing.state).toBe('foreign');
		expect(report.ok).toBe(false);
	});

	it('says a database behind this build will be migrated, and one ahead cannot be served', async () => {
		const url = await office();
		await adminQuery(
			url,
			'delete from drizzle.__drizzle_migrations where id = (select max(id) from drizzle.__drizzle_migrations)'
		);
		const behind = await check(url);
		expect(behind.standing.state).toBe('behind');
		expect(behind.ok).toBe(true);

		await adminQuery(
			url,
			`insert into drizzle.__drizzle_migrations (hash, created_at) values ('not-ours', 4102444800000), ('not-ours-2', 4102444800001)`
		);
		const newer = await check(url);
		expect(newer.standing).toMatchObject({ state: 'newer', unknown: 2 });
		expect(newer.ok).toBe(false);
	}, 60_000);

	it('names a column a restored database lacks', async () => {
		const url = await office();
		await adminQuery(url, 'alter table attempt_answer drop column flagged');
		const report = await check(url);
		expect(report.missing).toEqual(['attempt_answer.flagged']);
		expect(report.ok).toBe(false);
	}, 60_000);
});
