// `npm run bench`: the exam engine under load, each figure next to a baseline measured in the
// same run (these machines are noisy, so ratios matter more than absolute numbers).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ensureBuilt } from '../../src/lib/server/cli/build';
import { withLoopStats } from './loop-stats';
import { openLoop } from './open-loop';
import { load, startServer, stopServer, APP_SERVER } from './load';
import { reportBench } from './reports';
import { rosterBench } from './roster';
import { readAttempts, seedBenchDb, STAFF } from './seed';
import { line, saveRequests } from './saves';
import { cpuDuring, processCpuMs } from './cpu';
import { cpuLine, postgresBench } from './postgres';

const HELLO_PORT = 4301;
const APP_PORT = 4302;
const CONNECTIONS = 50;
const DURATION = 10;

async function main(): Promise<number> {
	if (!ensureBuilt(process.cwd())) return 1;
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qualify-bench-'));
	const sqliteVersion = (
		new Database(':memory:').prepare('select sqlite_version() as v').get() as { v: string }
	).v;
	console.log(
		`Qualify bench · Node ${process.version} · SQLite ${sqliteVersion} · ${os.cpus().length} cores`
	);

	// BENCH_ONLY=reports, =roster, =saves or =postgres: just those figures (quicker when working on one).
	const only = process.env.BENCH_ONLY;
	if (only === 'roster') {
		const roster = await rosterBench(dir, APP_PORT);
		console.log(roster.lines.join('\n'));
		fs.rmSync(dir, { recursive: true, force: true });
		return roster.failed > 0 ? 1 : 0;
	}
	const onlyReports = only === 'reports';
	const hello = await startServer(
		['-e', `require('node:http').createServer((q, s) => s.end('hello')).listen(${HELLO_PORT})`],
		{},
		`http://localhost:${HELLO_PORT}/`
	);
	const h = await load(`http://localhost:${HELLO_PORT}`, () => ({ path: '/', method: 'GET' }), {
		connections: CONNECTIONS,
		duration: DURATION
	});
	await stopServer(hello);

	const results: string[] = [line('baseline H: node:http hello world', h)];
	let failed = h.failed;
	// SvelteKit's own ceiling (GET /healthz), measured in the FULL round, for the save's ratio.
	let ceilingRps = 0;
	for (const synchronous of onlyReports || only === 'postgres'
		? []
		: (['FULL', 'NORMAL'] as const)) {
		const file = path.join(dir, `bench-${synchronous}.db`);
		const seeded = await seedBenchDb(file);
		const env = {
			DATABASE_PATH: file,
			PORT: String(APP_PORT),
			QUALIFY_DEMO: '0',
			LOG_LEVEL: 'error',
			ORIGIN: `http://localhost:${APP_PORT}`,
			QUALIFY_SQLITE_SYNCHRONOUS: synchronous,
			QUALIFY_LOOP_STATS: path.join(dir, 'loop-stats.json')
		};
		const server = await startServer(APP_SERVER, env, `http://localhost:${APP_PORT}/healthz`);
		const url = `http://localhost:${APP_PORT}`;
		if (synchronous === 'FULL') {
			// What SvelteKit itself serves here, for scale: no session, one trivial query.
			const ceiling = await load(url, () => ({ path: '/healthz', method: 'GET' }), {
				connections: CONNECTIONS,
				duration: DURATION
			});
			failed += ceiling.failed;
			ceilingRps = ceiling.rps;
			results.push(line('SvelteKit ceiling: GET /healthz', ceiling, h.rps));
		}
		let who = 0;
		const starts = await load(
			url,
			() => ({
				path: `/api/exams/${seeded.examId}/attempts`,
				method: 'POST',
				headers: { cookie: `qualify_session=${seeded.tokens[who++ % STAFF]}` }
			}),
			{ connections: 100, amount: STAFF }
		);
		const attempts = await readAttempts(file, seeded.tokens);
		if (attempts.length !== STAFF) {
			console.error(`expected ${STAFF} attempts after the burst, found ${attempts.length}`);
			failed++;
		}
		const nextSave = saveRequests(attempts);
		const stats = env.QUALIFY_LOOP_STATS;
		const saveMax = await withLoopStats(server, stats, () =>
			load(url, nextSave, { connections: CONNECTIONS, duration: DURATION })
		);
		const { result: saveAt1000, cpuMs } = await cpuDuring(
			{ app: () => processCpuMs(server.pid!) },
			() => withLoopStats(server, stats, () => openLoop(url, 1000, DURATION, nextSave))
		);
		await stopServer(server);
		failed += starts.failed + saveMax.failed + saveAt1000.failed;
		if (synchronous === 'FULL') {
			results.push(
				line('start-attempt (50 of 5,000), burst', starts, undefined, `${STAFF} ok, p99 ≤ 2000 ms`)
			);
		}
		results.push(
			line(
				`answer-save, max rate, ${synchronous}`,
				saveMax,
				h.rps,
				synchronous === 'FULL' ? '≥ 0.25×H' : undefined
			) +
				(ceilingRps > 0
					? `  = ${(saveMax.rps / ceilingRps).toFixed(2)}× SvelteKit's ceiling (target ≥ 0.5)`
					: '')
		);
		results.push(
			line(
				`answer-save at 1,000 req/s, ${synchronous}`,
				saveAt1000,
				undefined,
				synchronous === 'FULL' ? 'p99 ≤ 20 ms' : undefined
			)
		);
		if (synchronous === 'FULL') {
			// The database runs inside the app process: its CPU is the app's.
			results.push(
				cpuLine({
					label: 'SQLite FULL, 1 node',
					saves: saveAt1000.total,
					appMs: cpuMs.app,
					dbMs: 0
				})
			);
		}
	}
	const onlySaves = only === 'saves' || only === 'postgres';
	const reports = onlySaves
		? { lines: [], failed: 0 }
		: await reportBench(dir, APP_PORT, saveRequests, DURATION);
	failed += reports.failed;
	const roster =
		onlyReports || onlySaves ? { lines: [], failed: 0 } : await rosterBench(dir, APP_PORT);
	failed += roster.failed;
	// Last: opening PostgreSQL switches this process's SQL texts to its dialect.
	const onlyPostgres = only === 'postgres';
	if (!onlyReports && (only === undefined || onlyPostgres)) {
		const pg = await postgresBench({
			dir,
			port: APP_PORT,
			seconds: DURATION,
			connections: CONNECTIONS,
			baseline: h.rps
		});
		roster.lines.push(...pg.lines);
		failed += pg.failed;
	}
	console.log([...results, ...reports.lines, ...roster.lines].join('\n'));
	fs.rmSync(dir, { recursive: true, force: true });
	if (failed > 0) console.error(`${failed} request(s) failed`);
	return failed > 0 ? 1 : 0;
}

main().then(
	(code) => process.exit(code),
	(e: unknown) => {
		console.error(e);
		process.exit(1);
	}
);
