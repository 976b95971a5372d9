// What the two databases say differently, in one place: domain code asks for the thing, the
// handle's database says how.
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { OFFICE_UTC_OFFSET_HOURS, OFFICE_UTC_OFFSET_MS } from '../../time/office';
import { activeDialect } from './active-dialect';
import { databaseOf, type Dialect } from './adapter';
import { row, rows } from './index';
import type { Db, Tx } from './handle';

// SQL texts built without a handle (the report worker's statements are built before they reach
// the worker's connection) are for the database this process runs on.
const textDialect = (): Dialect => activeDialect();

type Around = readonly [before: string, after: string];

/**
 * The SQL around an epoch-ms expression that formats it on the office's clock: a strftime
 * format on SQLite, a to_char one on PostgreSQL. The offset is the office's own
 * (time/office.ts), never restated.
 */
function officeClock(dialect: Dialect, sqlite: string, postgres: string): Around {
	return dialect === 'postgres'
		? [
				`to_char(to_timestamp((`,
				` + ${OFFICE_UTC_OFFSET_MS}) / 1000.0) at time zone 'UTC', '${postgres}')`
			]
		: [`strftime('${sqlite}', `, ` / 1000, 'unixepoch', '+${OFFICE_UTC_OFFSET_HOURS} hours')`];
}

const officeMonthAround = (dialect: Dialect): Around => officeClock(dialect, '%Y-%m', 'YYYY-MM');

/** SQL text: the office month ('YYYY-MM') of the epoch-ms expression `ms`. */
export function officeMonthSql(ms: string, dialect: Dialect = textDialect()): string {
	const [before, after] = officeMonthAround(dialect);
	return before + ms + after;
}

/** SQL text: the office wall-clock minute ('YYYY-MM-DD HH:MM') of the epoch-ms expression `ms`. */
export function officeMinuteSql(ms: string, dialect: Dialect = textDialect()): string {
	const [before, after] = officeClock(dialect, '%Y-%m-%d %H:%M', 'YYYY-MM-DD HH24:MI');
	return before + ms + after;
}

/**
 * officeMonthSql for drizzle statements on `db`, over a column or a value: every reader puts an
 * attempt in the month the summary does. Migration 0007 holds a frozen copy of the SQLite text.
 */
export function officeMonthOf(db: Db, ms: SQLWrapper | number): SQL<string> {
	return around(officeMonthAround(databaseOf(db).dialect), ms);
}

/** The office day ('YYYY-MM-DD') of a column or value in epoch ms, for drizzle statements on `db`. */
export function officeDayOf(db: Db, ms: SQLWrapper | number): SQL<string> {
	return around(officeClock(databaseOf(db).dialect, '%Y-%m-%d', 'YYYY-MM-DD'), ms);
}

function around([before, after]: Around, ms: SQLWrapper | number): SQL<string> {
	return sql<string>`${sql.raw(before)}${ms}${sql.raw(after)}`;
}

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

/**
 * SQL text: the values of the text expression `expr` over a group's rows, in `orderBy` order,
 * joined into one string with `separator` (a literal): group_concat on SQLite, string_agg on
 * PostgreSQL. Null when the group has no rows, on both.
 */
export function listAggSql(
	expr: string,
	separator: string,
	orderBy: string,
	dialect: Dialect = textDialect()
): string {
	const sep = `'${separator.replaceAll("'", "''")}'`;
	return dialect === 'postgres'
		? `string_agg(${expr}, ${sep} order by ${orderBy})`
		: `group_concat(${expr}, ${sep} order by ${orderBy})`;
}

/**
 * SQL text: the join keyword that keeps the tables to its left as the outer loop. SQLite plans
 * `cross join … on` in the written order (the results export relies on it to stream in index
 * order); PostgreSQL has no `cross join … on` and plans a plain `join` itself.
 */
export function orderedJoinSql(dialect: Dialect = textDialect()): string {
	return dialect === 'postgres' ? 'join' : 'cross join';
}

/**
 * SQL text: what the answer save's check that its attempt is still open adds so that a
 * submission cannot slip between the check and the write. PostgreSQL: `for share` (wait for a
 * submission holding the attempt row, then see it closed); SQLite's single writer already
 * serialises the two.
 */
export function lockSharedSql(dialect: Dialect = textDialect()): string {
	return dialect === 'postgres' ? ' for share' : '';
}
