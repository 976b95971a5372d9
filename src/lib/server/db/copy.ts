// Copying every table of one Qualify database into another, SQLite or PostgreSQL either way
// (`npm run cli -- migrate-data`): one transaction on the target, rows in primary-key order,
// ids kept, sequences moved past them, and a checksum per table compared before committing.
import type { AppliedMigration } from './schema-version';
import { schemaTables, type SchemaTable } from './schema-tables';
import { TableDigest, type Value } from './table-digest';

/** One side's rows, table by table, in primary-key order. */
export interface TableReader {
	readonly label: string;
	batches(table: SchemaTable, size: number): AsyncIterable<Value[][]>;
	count(table: SchemaTable): Promise<number>;
}

/** The database copied from: one consistent snapshot for the whole copy. */
export interface CopySource extends TableReader {
	/** The highest id `table`'s sequence has handed out (it may be past the highest row's). */
	sequence(table: SchemaTable): Promise<bigint>;
	/** The migrations the source has had (null: it has no migration history). */
	appliedMigrations(): Promise<AppliedMigration[] | null>;
	close(): Promise<void>;
}

/** The database copied into: migrated, and written in one transaction from `begin` on. */
export interface CopyTarget extends TableReader {
	/** Opens the transaction; triggers stay quiet until `commit` (the copy writes their rows). */
	begin(): Promise<void>;
	clear(table: SchemaTable): Promise<void>;
	insert(table: SchemaTable, rows: Value[][]): Promise<void>;
	/** Sets `column` of the rows whose primary key is given: links inserted before their row. */
	patch(table: SchemaTable, column: string, rows: Patch[]): Promise<void>;
	/** The next id `table`'s sequence hands out. */
	setSequence(table: SchemaTable, next: bigint): Promise<void>;
	commit(): Promise<void>;
	rollback(): Promise<void>;
	close(): Promise<void>;
}

export interface TableCheck {
	table: string;
	sourceRows: number;
	targetRows: number;
	sourceChecksum: string;
	targetChecksum: string;
	ok: boolean;
}

export interface CopyProgress {
	table: string;
	/** 1-based position of the table in the copy. */
	index: number;
	tables: number;
	rows: number;
	/** The table's row count in the source: the progress's end. */
	of: number;
	done: boolean;
}

/** A table and what it holds, for refusing a target that is not empty. */
export interface Occupied {
	table: string;
	rows: number;
}

const BATCH = 500;

/** A table's row count and checksum, read in primary-key order. */
export async function digestTable(
	reader: TableReader,
	table: SchemaTable
): Promise<{ rows: number; checksum: string }> {
	const digest = new TableDigest();
	for await (const batch of reader.batches(table, BATCH)) for (const row of batch) digest.add(row);
	return { rows: digest.rows, checksum: digest.finish() };
}

/**
 * The first table of `target` that holds more than a freshly migrated database does (`fresh`:
 * the rows migrations themselves write, such as the roster version counter), or null.
 */
export async function findOccupiedTable(
	target: TableReader,
	fresh: TableReader
): Promise<Occupied | null> {
	for (const table of schemaTables()) {
		const rows = await target.count(table);
		if (rows === 0) continue;
		const [mine, theirs] = [await digestTable(target, table), await digestTable(fresh, table)];
		if (mine.rows !== theirs.rows || mine.checksum !== theirs.checksum) {
			return { table: table.name, rows };
		}
	}
	return null;
}

/** A value to set once every row is in: `column` of the row whose primary key is `key`. */
export interface Patch {
	table: SchemaTable;
	column: string;
	key: Value[];
	value: Value;
}

function holdLateReferences(table: SchemaTable, row: Value[], held: Patch[]): void {
	// A link to a row that may not be in yet (same table, or a cycle of tables) would fail its
	// foreign key: insert the row without it and set it once every table is in.
	for (const column of table.lateReferences) {
		const i = table.columns.findIndex((c) => c.name === column);
		if (row[i] === null) continue;
		const key = table.key.map((k) => row[table.columns.findIndex((c) => c.name === k)]!);
		held.push({ table, column, key, value: row[i]! });
		row[i] = null;
	}
}

async function copyTable(
	source: CopySource,
	target: CopyTarget,
	table: SchemaTable,
	held: Patch[],
	onRows: (rows: number) => void
): Promise<{ rows: number; checksum: string }> {
	const digest = new TableDigest();
	const keyIndex = table.identity ? table.columns.findIndex((c) => c.name === table.identity) : -1;
	let highest = 0n;
	for await (const batch of source.batches(table, BATCH)) {
		for (const row of batch) {
			digest.add(row);
			if (keyIndex >= 0) highest = row[keyIndex] as bigint;
			holdLateReferences(table, row, held);
		}
		await target.insert(table, batch);
		onRows(digest.rows);
	}
	if (table.identity) {
		const handedOut = await source.sequence(table);
		await target.setSequence(table, (handedOut > highest ? handedOut : highest) + 1n);
	}
	return { rows: digest.rows, checksum: digest.finish() };
}

/**
 * Copies every table of `source` into the empty, migrated `target` in one transaction, then
 * reads the target back inside it and commits only when every table's row count and checksum
 * match; otherwise rolls back. Returns the per-table comparison either way.
 */
export async function copyDatabase(
	source: CopySource,
	target: CopyTarget,
	onProgress: (progress: CopyProgress) => void = () => {}
): Promise<{ checks: TableCheck[]; committed: boolean }> {
	const tables = schemaTables();
	await target.begin();
	try {
		// The target holds only what its migrations wrote (checked before): make room for the
		// source's own rows of those tables.
		for (const table of [...tables].reverse()) await target.clear(table);
		const copied = new Map<string, { rows: number; checksum: string }>();
		const held: Patch[] = [];
		for (const [i, table] of tables.entries()) {
			const of = await source.count(table);
			const progress = { table: table.name, index: i + 1, tables: tables.length, of };
			onProgress({ ...progress, rows: 0, done: false });
			const result = await copyTable(source, target, table, held, (rows) =>
				onProgress({ ...progress, rows, done: false })
			);
			copied.set(table.name, result);
			onProgress({ ...progress, rows: result.rows, done: true });
		}
		for (const table of tables) {
			const mine = held.filter((p) => p.table === table);
			for (const column of table.lateReferences) {
				const patches = mine.filter((p) => p.column === column);
				if (patches.length > 0) await target.patch(table, column, patches);
			}
		}
		const checks: TableCheck[] = [];
		for (const table of tables) {
			const from = copied.get(table.name)!;
			const to = await digestTable(target, table);
			checks.push({
				table: table.name,
				sourceRows: from.rows,
				targetRows: to.rows,
				sourceChecksum: from.checksum,
				targetChecksum: to.checksum,
				ok: from.rows === to.rows && from.checksum === to.checksum
			});
		}
		const committed = checks.every((c) => c.ok);
		if (committed) await target.commit();
		else await target.rollback();
		return { checks, committed };
	} catch (e) {
		await target.rollback().catch(() => {});
		throw e;
	}
}
