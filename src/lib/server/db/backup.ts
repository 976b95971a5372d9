// Online backups of the SQLite database (`npm run cli -- backup`): SQLite's backup API reads one
// consistent snapshot through a connection of its own while the app keeps writing (WAL); a copy
// of the file would miss what is still in the write-ahead log, or catch a page half-written.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';

export interface BackupResult {
	file: string;
	bytes: number;
	ms: number;
}

/** Writes `file` to disk and its directory entry too, so a rename survives power loss. */
export function syncFile(file: string): void {
	const fd = fs.openSync(file, 'r');
	try {
		fs.fsyncSync(fd);
	} finally {
		fs.closeSync(fd);
	}
}

export function syncDirectory(dir: string): void {
	const fd = fs.openSync(dir, 'r');
	try {
		fs.fsyncSync(fd);
	} finally {
		fs.closeSync(fd);
	}
}

/**
 * Backs the SQLite database `source` up into the new file `destination`: through a temporary
 * file beside it (readable by the owner only) renamed into place when complete and checked, so a
 * file of that name is always a whole backup. The backup is one file (rollback journal mode):
 * it needs no -wal beside it; the app puts it back in WAL mode when it opens it.
 */
export async function backupSqlite(
	source: string,
	destination: string,
	now: () => number = Date.now
): Promise<BackupResult> {
	if (!fs.existsSync(source)) throw new Error(`no SQLite database at ${source}`);
	if (fs.existsSync(destination)) {
		throw new Error(
			`${destination} exists already; backups are never overwritten: give a new name`
		);
	}
	const folder = path.dirname(path.resolve(destination));
	if (!fs.existsSync(folder)) throw new Error(`the folder ${folder} does not exist`);
	if (path.resolve(source) === path.resolve(destination)) {
		throw new Error('the backup must be a different file from the database');
	}
	const started = now();
	const temporary = `${destination}.tmp-${process.pid}`;
	fs.closeSync(fs.openSync(temporary, 'wx', 0o600));
	try {
		const connection = new BetterSqlite3(source, { readonly: true, fileMustExist: true });
		try {
			connection.pragma('busy_timeout = 5000');
			// Every page in one step: one read snapshot from start to end, which the app's writes
			// (in WAL mode) never disturb, so the copy never starts over however busy the app is.
			await connection.backup(temporary, { progress: () => 0x7fffffff });
		} finally {
			connection.close();
		}
		const copy = new BetterSqlite3(temporary, { fileMustExist: true });
		try {
			copy.pragma('journal_mode = DELETE');
			const check = copy.pragma('quick_check', { simple: true });
			if (check !== 'ok') throw new Error(`the backup failed its check: ${String(check)}`);
		} finally {
			copy.close();
		}
		fs.chmodSync(temporary, 0o600);
		syncFile(temporary);
		fs.renameSync(temporary, destination);
		syncDirectory(folder);
	} catch (e) {
		for (const suffix of ['', '-journal', '-wal', '-shm']) {
			fs.rmSync(temporary + suffix, { force: true });
		}
		throw e;
	}
	return { file: destination, bytes: fs.statSync(destination).size, ms: now() - started };
}
