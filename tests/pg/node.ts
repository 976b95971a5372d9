// One app node for the many-nodes tests: a process of its own that opens the database the way
// the server does, waits for the moment the test names (so two nodes act together), does one
// thing through the app's services, and prints what came of it as one JSON line.
//
//   tsx tests/pg/node.ts '<json: { url, op, at, now, args }>'
import path from 'node:path';
import { FakeClock } from '../../src/lib/server/clock';
import type { Config } from '../../src/lib/server/config';
import type { AppContext } from '../../src/lib/server/context';
import { closeDatabase } from '../../src/lib/server/db';
import { openDatabase } from '../../src/lib/server/db/open';
import { prepareDatabase } from '../../src/lib/server/boot';
import { startAttempt } from '../../src/lib/server/exams/attempts';
import { sweepOverdueAttempts } from '../../src/lib/server/exams/submit';
import { drawCampaign } from '../../src/lib/server/spot/campaigns';
import { commitRosterImport } from '../../src/lib/server/roster/service';
import type { SessionUser } from '../../src/lib/server/auth/session';

export interface NodeJob {
	url: string;
	op: 'boot' | 'start' | 'sweep' | 'draw' | 'commit';
	/** Epoch ms at which to act, so both nodes act together after their own start-up. */
	at: number;
	/** The office clock's time (ISO). */
	now: string;
	user?: SessionUser;
	id?: number;
}

const job = JSON.parse(process.argv[2]!) as NodeJob;
const config = {
	databaseUrl: job.url,
	databaseReadUrl: null,
	databasePath: '',
	port: 0,
	demo: job.op === 'boot',
	sessionIdleMs: 3_600_000,
	sessionAbsoluteMs: 4 * 3_600_000,
	logLevel: 'silent',
	migrationsFolder: path.resolve('drizzle'),
	contentFolder: path.resolve('content'),
	synchronous: 'FULL',
	employeeNoPattern: null
} as Config;
const clock = new FakeClock(job.now);

async function act(): Promise<unknown> {
	if (job.op === 'boot') {
		await sleepUntil(job.at);
		const ctx = await prepareDatabase(config, clock);
		await closeDatabase(ctx.db);
		return 'ready';
	}
	const { db } = await openDatabase(config);
	const ctx: AppContext = { db, clock, config };
	await sleepUntil(job.at);
	try {
		if (job.op === 'start') return (await startAttempt(ctx, job.user!, job.id!)).id;
		if (job.op === 'sweep') return await sweepOverdueAttempts(ctx);
		if (job.op === 'draw') return await drawCampaign(ctx, job.user!, job.id!);
		return (await commitRosterImport(ctx, job.user!, job.id!)).counts;
	} finally {
		await closeDatabase(db);
	}
}

function sleepUntil(at: number): Promise<void> {
	return new Promise((r) => setTimeout(r, Math.max(0, at - Date.now())));
}

act().then(
	(result) => {
		console.log(JSON.stringify({ ok: true, result }));
		process.exit(0);
	},
	(e: unknown) => {
		const err = e as Error & { problems?: { key: string }[] };
		console.log(JSON.stringify({ ok: false, error: err.problems?.[0]?.key ?? err.message }));
		process.exit(0);
	}
);
