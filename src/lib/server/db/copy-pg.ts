// The PostgreSQL side of a copy (db/copy.ts): a repeatable-read snapshot read through a cursor,
// or a migrated database written in one transaction.
import pg from 'pg';
import type { CopySource, CopyTarget, TableReader } from './copy';
import type { HostPool } from './pg-pool';
import { APPLIED_MIGRATIONS_SQL, type AppliedMigration } from './schema-version';
import { quoteName, type SchemaTable } from './schema-tables';
import { toRow, type Value } from './table-digest';

// 64-bit integers as bigint, exactly (the app's pool reads them as numbers).
const INT8 = 20;
const types = {
	getTypeParser(oid: number, format?: 'text' | 'binary') {
		if (oid === INT8) return (v: string) => BigInt(v);
		return pg.types.getTypeParser(oid, format);
	}
} as pg.CustomTypesConfig;

// Largest statement: PostgreSQL takes at most 65,535 parameters.
const MAX_PARAMS = 60_000;

function selectInOrder(table: SchemaTable): string {
	const columns = table.columns.map((c) => quoteName(c.name)).join(', ');
	const key = table.key
		.map((k) => {
			const text = table.columns.find((c) => c.name === k)?.kind === 'text';
			// Byte order, as SQLite's BINARY collation sorts: the checksums read rows alike.
			return text ? `${quoteName(k)} collate "C"` : quoteName(k);
		})
		.join(', ');
	return `select ${columns} from ${quoteName(table.name)} order by ${key}`;
}

let cursors = 0;

function reader(client: pg.PoolClient, label: string, isOpen: () => boolean): TableReader {
	return {
		label,
		async *batches(table, size) {
			// A cursor needs a transaction: the caller's, or one of its own (rolled back: it only read).
			const own = !isOpen();
			if (own) await client.query('begin isolation level repeatable read read only');
			const cursor = `qualify_copy_${++cursors}`;
			try {
				await client.query(`declare ${cursor} no scroll cursor for ${selectInOrder(table)}`);
				for (;;) {
					const result = await client.query<unknown[]>({
						text: `fetch forward ${size} from ${cursor}`,
						rowMode: 'array',
						types
					});
					if (result.rows.length === 0) break;
					yield result.rows.map((raw) => toRow(table, raw));
				}
				await client.query(`close ${cursor}`);
			} finally {
				if (own) await client.query('rollback');
			}
		},
		async count(table) {
			const result = await client.query<{ n: string }>(
				`select count(*) as n from ${quoteName(table.name)}`
			);
			return Number(result.rows[0]!.n);
		}
	};
}

/** The migrations a PostgreSQL database has had, oldest first; null when it has no history. */
export async function readAppliedPostgres(
	client: Pick<pg.ClientBase, 'query'>
): Promise<AppliedMigration[] | null> {
	const exists = await client.query<{ ok: boolean }>(
		`select to_regclass('drizzle.__drizzle_migrations') is not null as ok`
	);
	if (!exists.rows[0]?.ok) return null;
	const r = await client.query<{ hash: string; createdAt: string }>(
		APPLIED_MIGRATIONS_SQL.postgres
	);
	return r.rows.map((m) => ({ hash: m.hash, createdAt: Number(m.createdAt) }));
}

function bindable(value: Value): unknown {
	return typeof value === 'bigint' ? value.toString() : value;
}

/**
 * A PostgreSQL database as a copy's source: one client in a REPEATABLE READ, READ ONLY
 * transaction, so every table is read as of one moment while the app keeps writing.
 */
export async function openPostgresSource(pool: HostPool, label: string): Promise<CopySource> {
	const client = await pool.connect();
	await client.query('begin isolation level repeatable read read only');
	return {
		...reader(client, label, () => true),
		async sequence(table) {
			const name = await client.query<{ s: string | null }>(
				'select pg_get_serial_sequence($1, $2) as s',
				[quoteName(table.name), table.identity]
			);
			const sequence = name.rows[0]?.s;
			if (!sequence) return 0n;
			const r = await client.query<{ last: bigint; called: boolean }>({
				text: `select last_value as last, is_called as called from ${sequence}`,
				types
			});
			const { last, called } = r.rows[0]!;
			return called ? last : last - 1n;
		},
		async appliedMigrations() {
			return readAppliedPostgres(client);
		},
		async close() {
			await client.query('rollback').catch(() => {});
			client.release();
		}
	};
}

/**
 * A migrated PostgreSQL database as a copy's target: one client, one transaction. Its own
 * triggers (the roster version counter) are disabled for the copy, which writes their rows
 * itself, and enabled again before it commits (both inside the transaction); foreign keys stay.
 */
export async function openPostgresTarget(pool: HostPool, label: string): Promise<CopyTarget> {
	const client = await pool.connect();
	let triggered: string[] = [];
	const setTriggers = async (mode: 'enable' | 'disable') => {
		for (const t of triggered)
			await client.query(`alter table ${quoteName(t)} ${mode} trigger user`);
	};
	let open = false;
	return {
		...reader(client, label, () => open),
		async begin() {
			await client.query('begin');
			open = true;
			const r = await client.query<{ name: string }>(
				`select distinct c.relname as name from pg_trigger t join pg_class c on c.oid = t.tgrelid
				 where not t.tgisinternal and pg_table_is_visible(c.oid) order by 1`
			);
			triggered = r.rows.map((row) => row.name);
			await setTriggers('disable');
		},
		async clear(table) {
			await client.query(`delete from ${quoteName(table.name)}`);
		},
		async insert(table, rows) {
			const width = table.columns.length;
			const per = Math.max(1, Math.floor(MAX_PARAMS / width));
			const columns = table.columns.map((c) => quoteName(c.name)).join(', ');
			for (let start = 0; start < rows.length; start += per) {
				const slice = rows.slice(start, start + per);
				const tuples = slice.map(
					(_, r) => `(${table.columns.map((__, c) => `$${r * width + c + 1}`).join(', ')})`
				);
				await client.query(
					`insert into ${quoteName(table.name)} (${columns}) values ${tuples.join(', ')}`,
					slice.flat().map(bindable)
				);
			}
		},
		async patch(table, column, rows) {
			const where = table.key.map((k, i) => `${quoteName(k)} = $${i + 2}`).join(' and ');
			for (const r of rows) {
				await client.query(
					`update ${quoteName(table.name)} set ${quoteName(column)} = $1 where ${where}`,
					[bindable(r.value), ...r.key.map(bindable)]
				);
			}
		},
		async setSequence(table, next) {
			await client.query('select setval(pg_get_serial_sequence($1, $2), $3, false)', [
				quoteName(table.name),
				table.identity,
				next.toString()
			]);
		},
		async commit() {
			await setTriggers('enable');
			await client.query('commit');
			open = false;
		},
		async rollback() {
			if (open) await client.query('rollback');
			open = false;
		},
		async close() {
			if (open) await client.query('rollback').catch(() => {});
			open = false;
			client.release();
		}
	};
}
