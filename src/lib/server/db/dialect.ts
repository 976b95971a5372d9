// What the two databases say differently, in one place: domain code asks for the thing, the
// handle's database says how.
import { databaseOf } from './adapter';
import { row, rows } from './index';
import type { Tx } from './handle';

/**
 * Sets aside `count` ids of `table`'s id column for rows inserted later with those ids, so a
 * long job can stage rows with their final ids. A job that fails leaves a gap; ids mean nothing.
 */
export async function reserveIds(tx: Tx, table: 'staff', count: number): Promise<number[]> {
	if (count === 0) return [];
	if (databaseOf(tx).dialect === 'postgres') {
		const got = await rows<{ id: number }>(
			tx,
			`select nextval(pg_get_serial_sequence('${table}', 'id')) as id from generate_series(1, ?)`,
			[count]
		);
		return got.map((r) => r.id);
	}
	// SQLite documents sqlite_sequence as writable for exactly this.
	const { next } = (await row<{ next: number }>(
		tx,
		`select max(coalesce((select seq from sqlite_sequence where name = '${table}'), 0),
			coalesce((select max(id) from ${table}), 0)) + 1 as next`
	))!;
	const last = next + count - 1;
	const moved = await rows(
		tx,
		`update sqlite_sequence set seq = ? where name = '${table}' returning seq`,
		[last]
	);
	if (moved.length === 0) {
		await rows(tx, `insert into sqlite_sequence (name, seq) values ('${table}', ?) returning seq`, [
			last
		]);
	}
	return Array.from({ length: count }, (_, i) => next + i);
}

/** True when `e` is the database refusing a row that a unique index already holds. */
export function isUniqueViolation(e: unknown): boolean {
	for (let cause: unknown = e; cause instanceof Error; cause = cause.cause) {
		const code = (cause as { code?: unknown }).code;
		if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return true;
		if (code === '23505') return true;
	}
	return false;
}
