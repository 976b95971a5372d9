// Putting an SQLite backup back (`npm run cli -- restore`): the file is checked first (a whole
// SQLite file, undamaged, a Qualify database this build can serve), the database it replaces is
// kept beside it, and nothing happens while a process has the database open.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { syncDirectory, syncFile } from './backup';
import { readAppliedSqlite } from './copy-sqlite';
import {
	buildMigrations,
	compareSchema,
	describeStanding,
	type SchemaStanding
} from './schema-version';

/** A restore that must not go ahead: the message says why and what to do. */
export class RestoreRefused extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'RestoreRefused';
	}
}

const HEADER = Buffer.from('SQLite format 3\0', 'latin1');

function removeWithSidecars(file: string): void {
	for (const suffix of ['', '-journal', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
}

/**
 * Checks the SQLite file `file` as a backup to restore (it may be changed: check a copy): it
 * starts with SQLite's header, passes integrity_check, and its migrations are Qualify's and
 * not newer than this build's. Returns where its schema stands.
 */
export function checkBackup(file: string, label: string, migrationsFolder: string): SchemaStanding {
	const head = Buffer.alloc(HEADER.length);
	const fd = fs.openSync(file, 'r');
	const read = fs.readSync(fd, head, 0, head.length, 0);
	fs.closeSync(fd);
	if (read < HEADER.length || !head.equals(HEADER)) {
		throw new RestoreRefused(`${label} is not an SQLite database (it lacks SQLite's file header)`);
	}
	let connection;
	try {
		connection = new BetterSqlite3(file, { fileMustExist: true });
	} catch (e) {
		throw new RestoreRefused(`${label} cannot be opened: ${(e as Error).message}`);
	}
	try {
		let problems: string[];
		try {
			const rows = connection.pragma('integrity_check') as { integrity_check: string }[];
			problems = rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
		} catch (e) {
			problems = [(e as Error).message];
		}
		if (problems.length > 0) {
			throw new RestoreRefused(`${label} is damaged: ${problems.slice(0, 3).join('; ')}`);
		}
		const build = buildMigrations(migrationsFolder);
		const standing = compareSchema(build, readAppliedSqlite(connection));
		if (standing.state === 'foreign' || standing.state === 'newer') {
			throw new RestoreRefused(`${label}: ${describeStanding(standing, build.length)}`);
		}
		return standing;
	} finally {
		connection.close();
	}
}

/**
 * Whether a process has the SQLite database `file` open. Every connection to a WAL database
 * holds a shared lock for as long as it is open, idle or not (the running app always has its
 * writer, reader and checkpoint worker open), so an exclusive lock, asked for without waiting,
 * is granted only when nobody has the file open.
 */
export function isDatabaseInUse(file: string): boolean {
	if (!fs.existsSync(file)) return false;
	const connection = new BetterSqlite3(file, { fileMustExist: true, timeout: 0 });
	try {
		connection.pragma('locking_mode = EXCLUSIVE');
		connection.exec('begin exclusive');
		connection.exec('rollback');
		return false;
	} catch (e) {
		if ((e as { code?: string }).code?.startsWith('SQLITE_BUSY')) return true;
		throw e;
	} finally {
		connection.close();
	}
}

export interface RestoreResult {
	standing: SchemaStanding;
	/** Where the database that was replaced is kept (null: there was none). */
	keptAs: string | null;
}

function stamp(at: number): string {
	return new Date(at)
		.toISOString()
		.replace(/\.\d+Z$/, 'Z')
		.replace(/:/g, '-');
}

/**
 * Puts the backup `backup` in place of the SQLite database `target`: checks a copy of it made
 * beside the target, refuses while the target is open (unless `force`), keeps the target as
 * `<target>.before-restore-<time>` and renames the checked copy into its place.
 */
export function restoreSqlite(
	backup: string,
	target: string,
	options: { migrationsFolder: string; force?: boolean; now?: number }
): RestoreResult {
	if (!fs.existsSync(backup) || !fs.statSync(backup).isFile()) {
		throw new RestoreRefused(`no backup file at ${backup}`);
	}
	const dir = path.dirname(path.resolve(target));
	fs.mkdirSync(dir, { recursive: true });
	const copy = path.join(dir, `.${path.basename(target)}.restore-${process.pid}`);
	fs.copyFileSync(backup, copy);
	fs.chmodSync(copy, 0o600);
	let keptAs: string | null = null;
	try {
		const standing = checkBackup(copy, backup, options.migrationsFolder);
		if (!options.force && isDatabaseInUse(target)) {
			throw new RestoreRefused(
				`${target} is open in another process: is Qualify running on it? Stop it first ` +
					'(or pass --force if you are sure nothing is using it).'
			);
		}
		if (fs.existsSync(target)) {
			if (!options.force) {
				// Fold a left-over write-ahead log into the file, so the kept copy is whole by itself.
				const old = new BetterSqlite3(target, { fileMustExist: true });
				old.pragma('wal_checkpoint(TRUNCATE)');
				old.close();
			}
			keptAs = `${target}.before-restore-${stamp(options.now ?? Date.now())}`;
			// A log left beside the restored file would be replayed into it: it goes with the old file.
			for (const suffix of ['', '-wal', '-shm']) {
				if (fs.existsSync(target + suffix)) fs.renameSync(target + suffix, keptAs + suffix);
			}
		}
		syncFile(copy);
		fs.renameSync(copy, target);
		syncDirectory(dir);
		return { standing, keptAs };
	} finally {
		removeWithSidecars(copy);
	}
}
