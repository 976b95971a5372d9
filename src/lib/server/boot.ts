import { purgeExpiredSessions } from './auth/service';
import { systemClock, type Clock } from './clock';
import { readConfig, type Config } from './config';
import type { AppContext } from './context';
import { loadContent, syncCourses } from './courses/service';
import { databaseOf } from './db';
import { openDatabase, openReadReplica } from './db/open';
import { describeHostList } from './db/pg-hosts';
import { announceDemo } from './demo/accounts';
import { seedDemoClassroom } from './demo/classroom';
import { seedDemoCompetencies } from './demo/competency';
import { seedDemoExams } from './demo/exams';
import { seedDemoLearning } from './demo/learning';
import { seedDemoOnboarding } from './demo/onboarding';
import { seedDemoQuestionBanks } from './demo/questions';
import { seedDemoIfEmpty } from './demo/seed';
import { seedDemoSpot } from './demo/spot';
import { startSweeper } from './exams/service';
import { log } from './log';
import { startLoopStats } from './loop-stats';
import { failInterruptedRosterCommits, startInitialPasswordsPurge } from './roster/service';

let app: AppContext | undefined;

/**
 * Opens the database, checks and migrates it, syncs the courses from content/, and seeds the demo
 * office on first start. The server runs this in a process of its own before booting
 * (cli/prepare-db.ts), so seeding the demo never keeps it from answering "starting".
 */
export async function prepareDatabase(config: Config, clock: Clock): Promise<AppContext> {
	const database = await openDatabase(config);
	const ctx: AppContext = { db: database.db, clock, config };
	if (config.databaseUrl && config.databaseReadUrl) {
		ctx.readDb = openReadReplica(config.databaseReadUrl).db;
	}
	// Nodes starting together on one PostgreSQL database take turns here, so the courses are
	// synced and the demo seeded once; on SQLite there is one node.
	await database.exclusively(() => prepareContent(ctx));
	return ctx;
}

async function prepareContent(ctx: AppContext): Promise<void> {
	const { config } = ctx;
	await purgeExpiredSessions(ctx);
	// A roster commit cut short by a crash wrote nothing: say so, so it can be committed again.
	await failInterruptedRosterCommits(ctx);
	// A broken content tree stops the start with every problem named by file.
	await syncCourses(ctx, loadContent(config.contentFolder));
	if (config.demo && (await seedDemoIfEmpty(ctx))) {
		// Competencies first: their rules react to the clearances and submissions the others make.
		await seedDemoCompetencies(ctx);
		// Then onboarding: it clears some of this year's hires, who then owe hours like everyone.
		await seedDemoOnboarding(ctx);
		await seedDemoLearning(ctx);
		await seedDemoClassroom(ctx);
		await seedDemoQuestionBanks(ctx);
		// After onboarding: the hires it cleared must also have passed the onboarding exam.
		await seedDemoExams(ctx);
		await seedDemoSpot(ctx);
	}
}

/** Prepares the database, then starts what runs beside the requests. */
export async function bootApp(
	config: Config = readConfig(),
	clock: Clock = systemClock
): Promise<AppContext> {
	if (process.env.QUALIFY_LOOP_STATS) startLoopStats(process.env.QUALIFY_LOOP_STATS);
	const ctx = await prepareDatabase(config, clock);
	// A server runs for weeks under load: its WAL checkpoints must not hold up requests.
	databaseOf(ctx.db).checkpointInBackground();
	log.info(
		{ database: config.databaseUrl ? describeHostList(config.databaseUrl) : config.databasePath },
		'database ready'
	);
	if (config.demo) await announceDemo(ctx, config.port);
	// Attempts left open past their deadline are submitted whether or not anyone visits them.
	await startSweeper(ctx);
	// Unclaimed initial passwords are plain text: forget them after their TTL, now and hourly.
	await startInitialPasswordsPurge(ctx);
	app = ctx;
	return ctx;
}

/** The running server's context; boot must have happened (the server's init hook does it). */
export function getApp(): AppContext {
	if (!app) throw new Error('Qualify has not booted: bootApp() must run first');
	return app;
}
