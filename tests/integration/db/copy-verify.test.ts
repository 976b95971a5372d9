import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { copyDatabase, type CopyTarget } from '../../../src/lib/server/db/copy';
import { openSqliteSource, sqliteTarget } from '../../../src/lib/server/db/copy-sqlite';
import { migrateSqlite } from '../../../src/lib/server/db/sqlite';
import { makeBranch, makeStaff } from '../../helpers/factories';
import { openSqliteApp } from '../../helpers/sqlite-app';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
	for (const c of cleanups.splice(0)) await c();
});

async function source() {
	const a = await openSqliteApp();
	cleanups.push(a.close);
	const b = await makeBranch(a, { name: '县支行' });
	await makeStaff(a, { branchId: b.id, name: '王芳' });
	await makeStaff(a, { branchId: b.id, name: '李强' });
	return a;
}

function emptyTarget() {
	const connection = new BetterSqlite3(':memory:');
	connection.pragma('foreign_keys = on');
	migrateSqlite(connection, path.resolve('drizzle'));
	return connection;
}

describe('copying a database (SQLite to SQLite)', () => {
	it('copies every row, ids kept, and commits when every table reads back the same', async () => {
		const a = await source();
		const from = openSqliteSource(a.file);
		const connection = emptyTarget();
		const result = await copyDatabase(from, sqliteTarget(connection, 'copy'));
		await from.close();
		expect(result.committed).toBe(true);
		expect(result.checks.find((c) => c.table === 'staff')).toMatchObject({
			sourceRows: 2,
			targetRows: 2,
			ok: true
		});
		const original = new BetterSqlite3(a.file, { readonly: true });
		const query = 'select id, name, branch_id from staff order by id';
		expect(connection.prepare(query).all()).toEqual(original.prepare(query).all());
		original.close();
		// The roster counter's triggers, dropped for the copy, work again.
		const version = () => connection.prepare('select version from roster_version').pluck().get();
		const before = version() as number;
		connection.prepare(`update branch set name = '新名'`).run();
		expect(version()).toBe(before + 1);
	});

	it('rolls everything back and names the table when a row does not arrive as it left', async () => {
		const a = await source();
		const from = openSqliteSource(a.file);
		const connection = emptyTarget();
		const honest = sqliteTarget(connection, 'copy');
		// A target that garbles one person's name on the way in.
		const garbling: CopyTarget = {
			...honest,
			insert: (table, rows) =>
				honest.insert(
					table,
					table.name === 'staff'
						? rows.map((r, i) => (i === 0 ? r.map((v) => (v === '王芳' ? '王芬' : v)) : r))
						: rows
				)
		};
		const result = await copyDatabase(from, garbling);
		await from.close();
		expect(result.committed).toBe(false);
		expect(result.checks.filter((c) => !c.ok).map((c) => c.table)).toEqual(['staff']);
		expect(connection.prepare('select count(*) from staff').pluck().get()).toBe(0);
		expect(connection.prepare('select count(*) from branch').pluck().get()).toBe(0);
	});
});
