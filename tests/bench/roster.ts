// The roster half of `npm run bench` (alone: BENCH_ONLY=roster): a 100,000-row roster committed
// through the web while people keep signing in, then the same commit in this process to time
// its phases and catch its longest event-loop stall exactly.
import fs from 'node:fs';
import path from 'node:path';
import { systemClock } from '../../src/lib/server/clock';
import type { Config } from '../../src/lib/server/config';
import type { AppContext } from '../../src/lib/server/context';
import Database from 'better-sqlite3';
import { closeDatabase } from '../../src/lib/server/db';
import { openSqlite } from '../../src/lib/server/db/sqlite';
import { SYSTEM_ACTOR } from '../../src/lib/server/roster/actor';
import { commitRosterImport, previewRosterImport } from '../../src/lib/server/roster/service';
import { startServer, stopServer, APP_SERVER } from './load';
import { ROSTER_ROWS, seedRosterBench, SIGN_IN_PASSWORD, SIGN_IN_USERS } from './roster-data';
import { longestStall, percentile, runUntil, seconds, type Timed } from './roster-load';

export interface RosterFigures {
	lines: string[];
	failed: number;
}

const SIGN_IN_CLIENTS = 4;

export async function rosterBench(dir: string, port: number): Promise<RosterFigures> {
	const file = path.join(dir, 'bench-roster.db');
	const data = await seedRosterBench(file);
	const copy = path.join(dir, 'bench-roster-cli.db');
	fs.copyFileSync(file, copy);
	const url = `http://localhost:${port}`;
	const server = await startServer(
		APP_SERVER,
		{
			DATABASE_PATH: file,
			PORT: String(port),
			QUALIFY_DEMO: '0',
			LOG_LEVEL: 'error',
			ORIGIN: url,
			BODY_SIZE_LIMIT: '11M'
		},
		`${url}/healthz`
	);
	// As a browser posts a form without scripts: the answer is a 303 to the import page.
	const hr = { cookie: `qualify_session=${data.hrToken}`, origin: url, accept: 'text/html' };
	const form = new FormData();
	form.set('file', new Blob([new Uint8Array(data.csv)], { type: 'text/csv' }), 'roster.csv');
	const preview = await fetch(`${url}/manage/import?/preview`, {
		method: 'POST',
		headers: hr,
		body: form,
		redirect: 'manual'
	});
	const importId = Number(
		/\/manage\/import\/(\d+)$/.exec(preview.headers.get('location') ?? '')?.[1]
	);
	if (!importId) {
		const body = (await preview.text()).slice(0, 2000);
		throw new Error(`preview answered ${preview.status}, not a redirect to the import: ${body}`);
	}

	let who = 0;
	const signIn = async (): Promise<boolean> => {
		const username = SIGN_IN_USERS[who++ % SIGN_IN_USERS.length]!;
		const res = await fetch(`${url}/login`, {
			method: 'POST',
			headers: {
				origin: url,
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: new URLSearchParams({ username, password: SIGN_IN_PASSWORD }),
			redirect: 'manual'
		});
		await res.arrayBuffer();
		return res.status === 303;
	};
	const health = async (): Promise<boolean> => (await fetch(`${url}/healthz`)).ok;

	// Sign-ins and a /healthz probe run from before the commit until it is over.
	const db = new Database(file, { readonly: true });
	const status = db.prepare('select status from roster_import where id = ?');
	let committing = true;
	const started = performance.now();
	const signIns = runUntil(SIGN_IN_CLIENTS, signIn, () => committing);
	const probes = runUntil(1, health, () => committing);
	await new Promise((r) => setTimeout(r, 5000));
	const commitStart = performance.now();
	const commit = await fetch(`${url}/manage/import/${importId}?/commit`, {
		method: 'POST',
		headers: { ...hr, 'content-type': 'application/x-www-form-urlencoded' },
		body: '',
		redirect: 'manual'
	});
	const answered = performance.now() - commitStart;
	if (commit.status !== 303) throw new Error(`commit answered ${commit.status}, not 303`);
	let final = 'committing';
	while (final === 'committing') {
		await new Promise((r) => setTimeout(r, 50));
		final = (status.get(importId) as { status: string }).status;
	}
	const commitEnd = performance.now();
	committing = false;
	const [signed, probed] = await Promise.all([signIns, probes]);
	const staff = (db.prepare('select count(*) n from staff').get() as { n: number }).n;
	db.close();
	await stopServer(server);

	const within = (t: Timed): boolean => t.start >= commitStart && t.start < commitEnd;
	const before = signed.filter((t) => t.start >= started && t.start < commitStart);
	const during = signed.filter(within);
	const failedDuring = during.filter((t) => !t.ok).length;
	const ms = (t: Timed[], p: number): string => `${percentile(t, p).toFixed(0)} ms`;
	const longestProbe = Math.max(0, ...probed.filter(within).map((t) => t.ms));
	const lines = [
		`roster commit via the web, ${ROSTER_ROWS.toLocaleString('en')} rows (${data.created.toLocaleString('en')} new, ${data.changed.toLocaleString('en')} changed): ${seconds(commitEnd - commitStart)}, ${final}; the action answered in ${answered.toFixed(0)} ms`,
		`sign-in during it (${SIGN_IN_CLIENTS} clients, continuous): n=${during.length} p50 ${ms(during, 50)} p99 ${ms(during, 99)} max ${ms(during, 100)} failed=${failedDuring}  (target p99 < 1000 ms; before it: p50 ${ms(before, 50)} p99 ${ms(before, 99)})`,
		`longest /healthz wait during it (≈ the server's longest event-loop stall): ${longestProbe.toFixed(0)} ms`
	];
	let failed = failedDuring + (final === 'committed' ? 0 : 1);
	if (staff !== 2000 + data.created) {
		lines.push(`expected ${2000 + data.created} staff after the commit, found ${staff}`);
		failed++;
	}
	lines.push(...(await inProcess(copy, data.csv)));
	return { lines, failed };
}

/** The same commit in this process (as import-staff runs it): phase times and stalls, exactly. */
async function inProcess(file: string, csv: Buffer): Promise<string[]> {
	const ctx: AppContext = {
		db: openSqlite(file).db,
		clock: systemClock,
		config: { port: 0, employeeNoPattern: null } as unknown as Config
	};
	const { importId } = await previewRosterImport(ctx, SYSTEM_ACTOR, {
		fileName: 'roster.csv',
		bytes: csv
	});
	const phases = new Map<string, number>();
	let writeStart = 0;
	let writeEnd = 0;
	const start = performance.now();
	const stall = await longestStall(() =>
		commitRosterImport(ctx, SYSTEM_ACTOR, importId!, (p) => {
			if (!phases.has(p.phase)) phases.set(p.phase, performance.now());
			if (p.phase === 'writing' && p.done === 0) writeStart = performance.now();
			if (p.percent === 100) writeEnd = performance.now();
		})
	);
	const total = performance.now() - start;
	await closeDatabase(ctx.db);
	const at = (phase: string): number => phases.get(phase) ?? start;
	return [
		`roster commit in-process (import-staff): ${seconds(total)} = checking ${seconds(at('preparing') - at('checking'))} + preparing ${seconds(at('writing') - at('preparing'))} + writing ${(writeEnd - writeStart).toFixed(0)} ms (publish, checkpoint, clean-up; the publish a few turns); longest event-loop stall ${stall.toFixed(0)} ms (target < 500 ms)`
	];
}
