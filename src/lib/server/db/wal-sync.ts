// Durable commits without an fsync on the request thread.
//
// With synchronous=FULL, SQLite fsyncs the WAL inside COMMIT: on the connection's thread, which
// for better-sqlite3 is the event loop. The bench measured those fsyncs at a p99 of 40-80 ms
// while a checkpoint or another process wrote to the same disk, and every request in the
// process waited behind each one. So the writer commits with synchronous=NORMAL (the frames
// are written, not synced) and a commit is acknowledged only after this fdatasync of the WAL,
// which runs on libuv's thread pool: the same write-then-sync a FULL commit makes, with the
// sync off the event loop and shared by every commit that finished before it began.
//
// Why this is as durable as FULL: a commit's frames are in the WAL file once COMMIT returns;
// an fdatasync begun after that puts them (and the WAL header) on disk. SQLite in NORMAL mode
// still syncs the WAL before each checkpoint and the database file after it, and the header
// when the WAL is reused, so the WAL is never rewritten under frames that are not yet in the
// database file. Readers may see a commit a moment before it is durable, as in PostgreSQL with
// a synchronous standby; its writer is not told "done" until it is.
import fs from 'node:fs';
import { createHistogram, type RecordableHistogram } from 'node:perf_hooks';

/**
 * fdatasync of one file through a descriptor kept open between syncs: opening and closing the
 * file for each sync cost the event loop about 5% of its time at 1,000 saves a second. Linux
 * syncs the file, not the descriptor, so SQLite's writes through its own are covered. The WAL
 * is deleted only when the last connection closes, and ours is open until `close()`.
 */
export class KeptFile {
	#fd: number | null = null;

	constructor(private readonly file: string) {}

	/** Resolves once the file's data is on disk; a file that is not there has nothing to sync. */
	async datasync(): Promise<void> {
		if (this.#fd === null) {
			const fd = await new Promise<number | null>((resolve, reject) =>
				fs.open(this.file, 'r', (e, fd) =>
					e ? (e.code === 'ENOENT' ? resolve(null) : reject(e)) : resolve(fd)
				)
			);
			if (fd === null) return;
			this.#fd = fd;
		}
		const fd = this.#fd;
		await new Promise<void>((resolve, reject) =>
			fs.fdatasync(fd, (e) => (e ? reject(e) : resolve()))
		);
	}

	close(): void {
		if (this.#fd !== null) fs.closeSync(this.#fd);
		this.#fd = null;
	}
}

/** How long each WAL sync took (nanoseconds), for the bench and an operator chasing a stall. */
export const syncDurations: RecordableHistogram = createHistogram();

/**
 * Group sync: one fdatasync in flight at a time; every `sync()` asked for while it runs is
 * served by the next one, which begins after their commits, so it covers them all.
 */
export class WalSyncer {
	#running = false;
	#waiting: { resolve(): void; reject(e: unknown): void }[] = [];
	readonly #kept: KeptFile;
	#closing = false;
	readonly #syncFile: (file: string) => Promise<void>;

	/** `syncFile` replaces the real fdatasync in tests (to hold a sync, or count them). */
	constructor(
		private readonly file: string,
		syncFile?: (file: string) => Promise<void>
	) {
		this.#kept = new KeptFile(file);
		this.#syncFile = syncFile ?? (() => this.#kept.datasync());
	}

	/** Lets the file's descriptor go, at once or when the syncs asked for so far have run. */
	close(): void {
		this.#closing = true;
		if (!this.#running) this.#kept.close();
	}

	/** Resolves once everything written to the file before the call is on disk. */
	sync(): Promise<void> {
		return new Promise((resolve, reject) => {
			this.#waiting.push({ resolve, reject });
			if (!this.#running) this.#next();
		});
	}

	#next(): void {
		const batch = this.#waiting.splice(0);
		if (batch.length === 0) {
			this.#running = false;
			if (this.#closing) this.#kept.close();
			return;
		}
		this.#running = true;
		const started = process.hrtime.bigint();
		this.#syncFile(this.file).then(
			() => {
				syncDurations.record(Math.max(1, Number(process.hrtime.bigint() - started)));
				for (const w of batch) w.resolve();
				this.#next();
			},
			(e: unknown) => {
				for (const w of batch) w.reject(e);
				this.#next();
			}
		);
	}
}
