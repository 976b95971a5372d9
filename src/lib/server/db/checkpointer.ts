// The WAL checkpoint off the request thread. SQLite's automatic checkpoint runs inside the
// commit that crosses the threshold: it copies the WAL into the database file and fsyncs it, on
// the committing connection, so on the event loop, while every request waits. The server turns
// that off on its writer and lets a worker thread with a connection of its own checkpoint
// (PASSIVE: it never waits for, nor blocks, the writer or the readers).
//
// The worker's code is an inline CommonJS string, like the report worker's: a separate file would
// need its own entry in Vite's build.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { log } from '../log';

const SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 1000');
const run = (id) => {
	try {
		const [r] = db.pragma('wal_checkpoint(PASSIVE)');
		parentPort.postMessage({ id, log: r.log, checkpointed: r.checkpointed });
	} catch (e) {
		parentPort.postMessage({ id, error: String((e && e.message) || e) });
	}
};
parentPort.on('message', (id) => run(id));
setInterval(() => run(0), workerData.everyMs);
`;

export interface Checkpointer {
	/** Checkpoints now and resolves when done. */
	now(): Promise<void>;
	stop(): Promise<void>;
}

/** Starts the worker; `onExit` runs if it dies, so the caller can checkpoint inline again. */
export function startCheckpointer(file: string, everyMs: number, onExit: () => void): Checkpointer {
	const worker = new Worker(SOURCE, {
		eval: true,
		workerData: { file, everyMs, driver: createRequire(import.meta.url).resolve('better-sqlite3') }
	});
	const waiting = new Map<number, () => void>();
	let nextId = 1;
	let stopping = false;
	worker.on('message', (m: { id: number; error?: string }) => {
		if (m.error) log.warn({ error: m.error }, 'WAL checkpoint failed');
		waiting.get(m.id)?.();
		waiting.delete(m.id);
	});
	worker.on('error', (e) => log.error({ err: e }, 'WAL checkpointer failed'));
	worker.on('exit', () => {
		for (const done of waiting.values()) done();
		waiting.clear();
		if (!stopping) onExit();
	});
	// It must not keep a CLI run or a test alive.
	worker.unref();
	return {
		now() {
			return new Promise((resolve) => {
				const id = nextId++;
				waiting.set(id, resolve);
				worker.postMessage(id);
			});
		},
		async stop() {
			stopping = true;
			await worker.terminate();
		}
	};
}
