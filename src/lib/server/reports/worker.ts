// Heavy report queries run here, off the request thread. better-sqlite3 is synchronous: a query
// that scans for a second on the server's own connection would stall every examinee's answer
// save for that second. A worker thread with its own read-only connection lets SQLite (WAL) read
// while the main thread keeps writing.
//
// The worker's code is an inline CommonJS string (eval: true) that require()s better-sqlite3 by
// an absolute path resolved here: a separate worker file would need its own entry in Vite's
// build, and Vite would bundle or rename it; a string is left alone.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
// The lowest CPU priority for this thread alone (Linux: a thread id names only that thread): on
// a busy machine the request thread wins the core, and the report waits. SCHED_IDLE (chrt, from
// util-linux) runs it only when a core is otherwise idle: at nice 19 alone it still took ~60% of
// a core while HR looped an export beside 1,000 saves a second, ~45% with it.
try {
	const tid = Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop());
	if (tid > 0) {
		require('node:os').setPriority(tid, 19);
		try {
			require('node:child_process').execFileSync('chrt', ['--idle', '-p', '0', String(tid)], { stdio: 'ignore', timeout: 2000 });
		} catch {}
	}
} catch {}
const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
const credits = new Int32Array(workerData.credits);
parentPort.on('message', ({ id, sql, params, batch }) => {
	try {
		const stmt = db.prepare(sql);
		if (!batch) {
			parentPort.postMessage({ id, rows: stmt.all(...params), done: true });
			return;
		}
		// Streaming: at most a few batches in flight, so a slow reader (a download over a slow
		// link) holds the worker back instead of piling rows up in memory.
		Atomics.store(credits, 0, 2);
		let rows = [];
		const send = () => {
			while (Atomics.load(credits, 0) <= 0) Atomics.wait(credits, 0, 0, 1000);
			Atomics.sub(credits, 0, 1);
			parentPort.postMessage({ id, rows, done: false });
			rows = [];
		};
		for (const row of stmt.raw(true).iterate(...params)) {
			rows.push(row);
			if (rows.length >= batch) send();
		}
		parentPort.postMessage({ id, rows, done: true });
	} catch (e) {
		parentPort.postMessage({ id, error: String(e && e.message || e), done: true });
	}
});
`;

interface Reply {
	id: number;
	rows?: unknown[];
	error?: string;
	done: boolean;
}

interface ReportWorker {
	worker: Worker;
	credits: Int32Array;
	handlers: Map<number, (reply: Reply) => void>;
	nextId: number;
}

/** The shared worker per database, for queries that return at once (a report's rows). */
const workers = new Map<string, ReportWorker>();
/** Workers of exports streaming now, each its own, so a long download holds up no report. */
const streaming = new Set<ReportWorker>();
// Each stream is a thread and a connection; more exports than this at once wait their turn.
const MAX_STREAMS = 2;
const streamQueue: (() => void)[] = [];

function workerFor(file: string): ReportWorker {
	const existing = workers.get(file);
	if (existing) return existing;
	const created = spawn(file);
	workers.set(file, created);
	return created;
}

function spawn(file: string): ReportWorker {
	const shared = new SharedArrayBuffer(4);
	const worker = new Worker(WORKER_SOURCE, {
		eval: true,
		workerData: {
			file,
			driver: createRequire(import.meta.url).resolve('better-sqlite3'),
			credits: shared
		}
	});
	const created: ReportWorker = {
		worker,
		credits: new Int32Array(shared),
		handlers: new Map(),
		nextId: 1
	};
	worker.on('message', (reply: Reply) => created.handlers.get(reply.id)?.(reply));
	const fail = (why: string): void => {
		// A dead worker fails what it was doing and what queued behind it; the next call starts
		// a fresh one.
		if (workers.get(file) === created) workers.delete(file);
		for (const handler of [...created.handlers.values()])
			handler({ id: 0, error: why, done: true });
	};
	worker.on('error', (e) => fail(String(e)));
	worker.on('exit', (code) => fail(`report worker exited (${code})`));
	// An idle worker must not keep the process (a CLI run, a test) alive.
	worker.unref();
	return created;
}

function send(
	w: ReportWorker,
	sql: string,
	params: unknown[],
	batch: number,
	onReply: (reply: Reply) => void
): void {
	const id = w.nextId++;
	if (w.handlers.size === 0) w.worker.ref();
	w.handlers.set(id, (reply) => {
		if (reply.done || reply.error) {
			w.handlers.delete(id);
			if (w.handlers.size === 0) w.worker.unref();
		}
		onReply(reply);
	});
	w.worker.postMessage({ id, sql, params, batch });
}

/**
 * Runs one read-only query on the report worker for database `file`; resolves with its rows as
 * objects. Queries queue: the worker runs one at a time.
 */
export function runInWorker<T = Record<string, unknown>>(
	file: string,
	sql: string,
	params: unknown[] = []
): Promise<T[]> {
	return new Promise((resolve, reject) => {
		send(workerFor(file), sql, params, 0, (reply) => {
			if (reply.error) reject(new Error(reply.error));
			else resolve(reply.rows as T[]);
		});
	});
}

/**
 * Streams a read-only query's rows as arrays of column values, `batch` rows at a time, with
 * backpressure: the worker waits while two batches are unread. Each stream gets a worker of its
 * own, ended with the stream, so a long download never holds up the shared worker's reports; at
 * most MAX_STREAMS run at once and the rest wait.
 */
export async function* streamInWorker(
	file: string,
	sql: string,
	params: unknown[] = [],
	batch = 1_000
): AsyncGenerator<unknown[][]> {
	if (streaming.size >= MAX_STREAMS) await new Promise<void>((r) => streamQueue.push(r));
	const w = spawn(file);
	streaming.add(w);
	const queue: Reply[] = [];
	let wake: (() => void) | null = null;
	send(w, sql, params, batch, (reply) => {
		queue.push(reply);
		wake?.();
	});
	try {
		for (;;) {
			if (queue.length === 0) await new Promise<void>((r) => (wake = r));
			wake = null;
			const reply = queue.shift()!;
			if (reply.error) throw new Error(reply.error);
			if (!reply.done) {
				Atomics.add(w.credits, 0, 1);
				Atomics.notify(w.credits, 0);
			}
			if (reply.rows!.length > 0) yield reply.rows as unknown[][];
			if (reply.done) return;
		}
	} finally {
		// Also ends a query left mid-way by an abandoned stream (the client went away).
		streaming.delete(w);
		void w.worker.terminate();
		streamQueue.shift()?.();
	}
}

/** Stops every report worker (shutdown, tests). */
export async function closeReportWorkers(): Promise<void> {
	const all = [...workers.values(), ...streaming];
	workers.clear();
	streaming.clear();
	await Promise.all(all.map((w) => w.worker.terminate()));
}

/**
 * Rows streamed by `streamInWorker` as objects keyed by `keys` (the query's columns, in SELECT
 * order), the shape `streamReportCsv` takes.
 */
export async function* rowObjects<T = Record<string, unknown>>(
	batches: AsyncIterable<unknown[][]>,
	keys: readonly string[]
): AsyncGenerator<T> {
	for await (const batch of batches) {
		for (const values of batch) {
			const row: Record<string, unknown> = {};
			for (let i = 0; i < keys.length; i++) row[keys[i]!] = values[i];
			yield row as T;
		}
	}
}
