// The bench's PostgreSQL section: the same answer saves as on SQLite, against a durable
// PostgreSQL server (fsync and synchronous_commit on) started for the run; CPU-ms per 1,000 saves
// in the app and in the database from /proc; and two app nodes against one.
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { closeDatabase } from '../../src/lib/server/db';
import { openDatabase } from '../../src/lib/server/db/open';
import type { Config } from '../../src/lib/server/config';
import { findPostgresBin, startCluster } from '../pg/cluster';
import { cpuDuring, postgresCpuMs, processCpuMs } from './cpu';
import { load, startServer, stopServer, type LoadResult, APP_SERVER } from './load';
import { withLoopStats } from './loop-stats';
import { openLoop } from './open-loop';
import { line, saveRequests } from './saves';
import { readOpenAttempts, seedBench, STAFF } from './seed';

export interface CpuFigure {
	label: string;
	saves: number;
	appMs: number;
	dbMs: number;
}

export function cpuLine(f: CpuFigure): string {
	const per = (ms: number) => ((ms / Math.max(1, f.saves)) * 1000).toFixed(0).padStart(5);
	return `${`CPU per 1,000 saves, ${f.label}`.padEnd(34)} app ${per(f.appMs)} ms  database ${per(f.dbMs)} ms  (${f.saves} saves)`;
}

interface Options {
	dir: string;
	port: number;
	seconds: number;
	connections: number;
	/** node:http hello world's rate in this run: the ratios' baseline. */
	baseline: number;
}

/** Runs the PostgreSQL figures; returns the printed lines and the failed request count. */
export async function postgresBench(o: Options): Promise<{ lines: string[]; failed: number }> {
	if (!findPostgresBin()) {
		return {
			lines: ['PostgreSQL: not installed (apt-get install -y postgresql), skipped'],
			failed: 0
		};
	}
	const cluster = await startCluster({
		settings: {
			fsync: 'on',
			synchronous_commit: 'on',
			max_connections: '100',
			shared_buffers: '256MB'
		}
	});
	const dataDir = path.join(cluster.dir, 'data');
	const lines: string[] = [];
	let failed = 0;
	const servers: ChildProcess[] = [];
	try {
		const database = await openDatabase({
			databaseUrl: cluster.url,
			migrationsFolder: path.resolve('drizzle')
		} as Config);
		const seeded = await seedBench(database);
		const env = (port: number) => ({
			DATABASE_URL: cluster.url,
			PORT: String(port),
			QUALIFY_DEMO: '0',
			LOG_LEVEL: 'error',
			ORIGIN: `http://localhost:${port}`,
			QUALIFY_LOOP_STATS: path.join(o.dir, `loop-stats-pg-${port}.json`)
		});
		const url = (port: number) => `http://localhost:${port}`;
		const first = await startServer(APP_SERVER, env(o.port), `${url(o.port)}/healthz`);
		servers.push(first);
		let who = 0;
		const starts = await load(
			url(o.port),
			() => ({
				path: `/api/exams/${seeded.examId}/attempts`,
				method: 'POST',
				headers: { cookie: `qualify_session=${seeded.tokens[who++ % STAFF]}` }
			}),
			{ connections: 100, amount: STAFF }
		);
		const attempts = await readOpenAttempts(database.db, seeded.tokens);
		await closeDatabase(database.db);
		if (attempts.length !== STAFF) {
			lines.push(
				`PostgreSQL: expected ${STAFF} attempts after the burst, found ${attempts.length}`
			);
			failed++;
		}
		const nextSave = saveRequests(attempts);
		const stats = env(o.port).QUALIFY_LOOP_STATS;
		const saveMax = await withLoopStats(first, stats, () =>
			load(url(o.port), nextSave, { connections: o.connections, duration: o.seconds })
		);
		const counters = (apps: ChildProcess[]) => ({
			app: () => apps.reduce((sum, a) => sum + processCpuMs(a.pid!), 0),
			db: () => postgresCpuMs(dataDir)
		});
		const one = await cpuDuring(counters([first]), () =>
			withLoopStats(first, stats, () => openLoop(url(o.port), 1000, o.seconds, nextSave))
		);
		failed += starts.failed + saveMax.failed + one.result.failed;
		lines.push(
			line('PG start-attempt burst', starts, undefined, `${STAFF} ok, p99 ≤ 2000 ms`),
			line('PG answer-save, max rate', saveMax, o.baseline),
			line('PG answer-save at 1,000 req/s', one.result),
			cpuLine({
				label: 'PostgreSQL, 1 node',
				saves: one.result.total,
				appMs: one.cpuMs.app,
				dbMs: one.cpuMs.db
			})
		);

		// A second node on the same database, the same total load split between the two.
		const secondPort = o.port + 10;
		const second = await startServer(APP_SERVER, env(secondPort), `${url(secondPort)}/healthz`);
		servers.push(second);
		const two = await cpuDuring(counters([first, second]), () =>
			Promise.all([
				openLoop(url(o.port), 500, o.seconds, nextSave),
				openLoop(url(secondPort), 500, o.seconds, nextSave)
			])
		);
		const [a, b] = two.result;
		failed += a.failed + b.failed;
		const combined: LoadResult = {
			rps: a.rps + b.rps,
			p50: Math.max(a.p50, b.p50),
			p99: Math.max(a.p99, b.p99),
			total: a.total + b.total,
			failed: a.failed + b.failed,
			failures: mergeCounts(a.failures, b.failures)
		};
		lines.push(
			line('PG 2 nodes, 500 + 500 req/s', combined),
			cpuLine({
				label: 'PostgreSQL, 2 nodes',
				saves: combined.total,
				appMs: two.cpuMs.app,
				dbMs: two.cpuMs.db
			})
		);
	} finally {
		for (const s of servers) await stopServer(s);
		cluster.remove();
	}
	return { lines, failed };
}

/** Failure causes of two runs, added up. */
function mergeCounts(
	a: Record<string, number> = {},
	b: Record<string, number> = {}
): Record<string, number> {
	const sum = { ...a };
	for (const [cause, n] of Object.entries(b)) sum[cause] = (sum[cause] ?? 0) + n;
	return sum;
}
