import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { isUniqueViolation } from '../../../src/lib/server/db';

function thrown(work: () => unknown): unknown {
	try {
		work();
	} catch (e) {
		return e;
	}
	throw new Error('expected an error');
}

describe('isUniqueViolation', () => {
	it("knows SQLite's own unique and primary-key violations, wrapped or not", () => {
		const db = new Database(':memory:');
		db.exec('create table t (id integer primary key, k text unique, n integer not null)');
		db.exec(`insert into t values (1, 'a', 1)`);
		const unique = thrown(() => db.exec(`insert into t values (2, 'a', 1)`));
		const primary = thrown(() => db.exec(`insert into t values (1, 'b', 1)`));
		const notNull = thrown(() => db.exec(`insert into t values (3, 'c', null)`));
		expect(isUniqueViolation(unique)).toBe(true);
		expect(isUniqueViolation(primary)).toBe(true);
		expect(isUniqueViolation(new Error('Failed query', { cause: unique }))).toBe(true);
		expect(isUniqueViolation(notNull)).toBe(false);
	});

	it("knows PostgreSQL's 23505 and nothing else", () => {
		expect(isUniqueViolation(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(
			true
		);
		expect(isUniqueViolation(Object.assign(new Error('fk'), { code: '23503' }))).toBe(false);
		expect(isUniqueViolation(null)).toBe(false);
	});
});
