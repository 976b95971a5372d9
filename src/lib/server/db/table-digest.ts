// One value form for a row on either database, and a checksum of a table computed the same way
// on both: what `migrate-data` compares after a copy.
import { createHash, type Hash } from 'node:crypto';
import type { ColumnKind, SchemaTable } from './schema-tables';

/** A column value as the copy carries it: the same JavaScript value whichever side it came from. */
export type Value = bigint | boolean | number | string | Buffer | null;

/**
 * A value as either driver returns it (better-sqlite3 with safe integers, node-postgres with
 * int8 as bigint), in the one form of its column kind: integers as bigint, booleans as boolean
 * (SQLite's 0/1), reals as number, text as string (JSON stays its stored text), blobs as Buffer.
 */
export function toValue(kind: ColumnKind, raw: unknown, where: string): Value {
	if (raw === null || raw === undefined) return null;
	switch (kind) {
		case 'integer':
			if (typeof raw === 'bigint') return raw;
			if (typeof raw === 'number' && Number.isInteger(raw)) return BigInt(raw);
			if (typeof raw === 'string' && /^-?\d+$/.test(raw)) return BigInt(raw);
			break;
		case 'boolean':
			if (typeof raw === 'boolean') return raw;
			if (raw === 0n || raw === 0 || raw === 1n || raw === 1) return raw == 1;
			break;
		case 'real':
			if (typeof raw === 'number') return raw;
			if (typeof raw === 'bigint') return Number(raw);
			if (typeof raw === 'string' && raw.trim() !== '' && !Number.isNaN(Number(raw))) {
				return Number(raw);
			}
			break;
		case 'text':
			if (typeof raw === 'string') return raw;
			break;
		case 'blob':
			if (Buffer.isBuffer(raw)) return raw;
			if (raw instanceof Uint8Array) return Buffer.from(raw);
			break;
	}
	throw new Error(`${where}: cannot read ${typeof raw} ${String(raw).slice(0, 40)} as ${kind}`);
}

function digestPart(value: Value): string | null {
	if (value === null) return null;
	if (typeof value === 'boolean') return value ? 't' : 'f';
	if (Buffer.isBuffer(value)) return `x${value.toString('hex')}`;
	// bigint and number print the same digits on both sides; a real prints its shortest form.
	return String(value);
}

/** A running checksum of one table's rows, fed in primary-key order. */
export class TableDigest {
	private readonly hash: Hash = createHash('sha256');
	rows = 0;

	add(row: Value[]): void {
		this.hash.update(JSON.stringify(row.map(digestPart)));
		this.hash.update('\n');
		this.rows++;
	}

	/** The hex sha256 (call once). */
	finish(): string {
		return this.hash.digest('hex');
	}
}

/** Converts a row as a driver returned it, column by column. */
export function toRow(table: SchemaTable, raw: unknown[]): Value[] {
	return table.columns.map((c, i) => toValue(c.kind, raw[i], `${table.name}.${c.name}`));
}
