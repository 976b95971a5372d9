import { parseArgs } from 'node:util';
import { readConfig } from '../config';
import type { CopyProgress, TableCheck } from '../db/copy';
import {
	CopyRefused,
	migratePostgresToSqlite,
	migrateSqliteToPostgres,
	type MigrateResult
} from '../db/migrate-data';
import { usageError } from './args';
import type { Command } from './commands';

const USAGE = 'migrate-data (--to postgres://… | --from postgres://… [--to-file FILE])';

/** One line per table, redrawn in place on a terminal; the finished line stays. */
export function printCopyProgress(
	stream: Pick<NodeJS.WriteStream, 'write' | 'isTTY'>
): (p: CopyProgress) => void {
	return (p) => {
		const text = `[${String(p.index).padStart(2)}/${p.tables}] ${p.table.padEnd(24)} ${p.rows.toLocaleString('en')} / ${p.of.toLocaleString('en')} rows`;
		if (stream.isTTY) stream.write(`\r${text.padEnd(78)}${p.done ? '\n' : ''}`);
		else if (p.done) stream.write(`${text}\n`);
	};
}

/** The verification table: table, rows on each side, the checksum, ok. */
export function formatChecks(checks: TableCheck[]): string {
	const width = Math.max(5, ...checks.map((c) => c.table.length));
	const lines = [`${'table'.padEnd(width)}  ${'rows'.padStart(9)}  checksum (sha256)  ok`];
	for (const c of checks) {
		const rows =
			c.sourceRows === c.targetRows ? String(c.sourceRows) : `${c.sourceRows}≠${c.targetRows}`;
		const sum =
			c.sourceChecksum === c.targetChecksum
				? c.sourceChecksum.slice(0, 16)
				: `${c.sourceChecksum.slice(0, 7)}≠${c.targetChecksum.slice(0, 7)}`;
		lines.push(
			`${c.table.padEnd(width)}  ${rows.padStart(9)}  ${sum.padEnd(17)}  ${c.ok ? 'ok' : 'MISMATCH'}`
		);
	}
	return lines.join('\n');
}

function report(result: MigrateResult): number {
	console.log(`\n${formatChecks(result.checks)}\n`);
	const rows = result.checks.reduce((n, c) => n + c.targetRows, 0);
	if (result.committed) {
		console.log(
			`Copied ${rows.toLocaleString('en')} rows in ${result.checks.length} tables from ${result.source} to ${result.target}; every count and checksum matches.`
		);
		return 0;
	}
	const bad = result.checks.filter((c) => !c.ok).map((c) => c.table);
	console.error(
		`Nothing was committed: ${bad.join(', ')} did not match after copying. ${result.target} is as it was.`
	);
	return 1;
}

/** `migrate-data`: the SQLite database into an empty PostgreSQL one, or back for a test copy. */
export const migrateData: Command = {
	usage: USAGE,
	summary:
		'Copy every table of the SQLite database (DATABASE_PATH, read live) into an empty PostgreSQL database, or a PostgreSQL one into an empty SQLite file; verified by row counts and checksums.',
	async run(args) {
		let values;
		try {
			({ values } = parseArgs({
				args,
				options: { to: { type: 'string' }, from: { type: 'string' }, 'to-file': { type: 'string' } }
			}));
		} catch (e) {
			return usageError(USAGE, (e as Error).message);
		}
		if (Boolean(values.to) === Boolean(values.from)) {
			return usageError(
				USAGE,
				'Give either --to (SQLite to PostgreSQL) or --from (PostgreSQL to SQLite).'
			);
		}
		if (values.to && values['to-file']) {
			return usageError(USAGE, '--to-file goes with --from.');
		}
		const url = (values.to ?? values.from)!;
		if (!/^postgres(ql)?:\/\//.test(url)) {
			return usageError(USAGE, 'The database URL must start with postgres:// or postgresql://.');
		}
		const config = readConfig();
		const options = {
			migrationsFolder: config.migrationsFolder,
			onProgress: printCopyProgress(process.stdout)
		};
		try {
			const result = values.to
				? await migrateSqliteToPostgres(config.databasePath, url, options)
				: await migratePostgresToSqlite(url, values['to-file'] ?? config.databasePath, options);
			return report(result);
		} catch (e) {
			if (!(e instanceof CopyRefused)) throw e;
			console.error(e.message);
			return 1;
		}
	}
};
