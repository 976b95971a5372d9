import os from 'node:os';
import type { AppContext } from '../context';
import { checkpointWal, inLargeTransaction, inTransaction } from '../db';
import type { CommitPhase } from '../db/schema';
import { DomainError, Invalid, type Problem } from '../errors';
import { log } from '../log';
import { nextTurn, paced } from '../steps';
import type { Importer } from './actor';
import { PlanMoved, publishRosterPlan } from './apply';
import { evaluate } from './evaluate';
import { commitPercent } from './progress';
import { JobLost, stagePlan, type StageJob } from './stage';
import type { RosterCounts } from './types';
import * as data from './data';

/** A job silent this long is taken for dead: its chunks take milliseconds, its end < 1 s. */
export const JOB_SILENCE_MS = 60_000;

// Planning again covers a change made while the job ran; a roster edited non-stop beats it.
const MAX_ATTEMPTS = 3;

export interface CommitProgress {
	phase: CommitPhase;
	done: number;
	total: number;
	percent: number;
}

export interface RosterCommitResult {
	importId: number;
	counts: RosterCounts;
	/** True when new accounts were created and their initial passwords await download. */
	hasInitialPasswords: boolean;
}

export type CommitJob = StageJob;

/** Who runs a job: the server by host and port (a restart knows its own), the CLI by process. */
export function jobOwner(ctx: AppContext, via: Importer['via']): string {
	return via === 'web'
		? `${os.hostname()}:${ctx.config.port}`
		: `${os.hostname()}:cli:${process.pid}`;
}

/**
 * Runs a claimed commit job to its end: plans in chunks that let other requests in, stages the
 * writes in short transactions, then publishes them in one short transaction. Everything or,
 * on any failure, nothing: the import goes back to previewed with the reason recorded.
 */
export async function runCommitJob(
	ctx: AppContext,
	job: CommitJob,
	onProgress?: (progress: CommitProgress) => void | Promise<void>
): Promise<RosterCommitResult> {
	const { importId, token } = job;
	let last = '';
	const report: Reporter = async (phase, done, total, persisted = false) => {
		const percent = commitPercent(phase, done, total);
		// One write per percent point and phase: enough to watch, and the job's heartbeat.
		if (`${phase} ${percent}` === last) return;
		last = `${phase} ${percent}`;
		const now = ctx.clock.now();
		if (
			!persisted &&
			!(await data.updateJobProgress(ctx.db, importId, token, { phase, done, total, now }))
		) {
			throw new JobLost(importId);
		}
		await onProgress?.({ phase, done, total, percent });
	};
	try {
		return await commitWithRetries(ctx, job, report);
	} catch (e) {
		const failure = failureOf(e);
		// Only the job that still holds the import cleans up; one given up for dead leaves it be.
		const failed = await inTransaction(
			ctx.db,
			async (tx) => await data.failJob(tx, importId, token, failure)
		);
		if (failed) await data.deleteStaged(ctx.db, importId);
		if (!(e instanceof DomainError || e instanceof JobLost)) {
			log.error({ err: e, importId }, 'roster commit job failed');
		}
		throw e instanceof DomainError ? e : new Invalid([failure]);
	}
}

type Reporter = (
	phase: CommitPhase,
	done: number,
	total: number,
	persisted?: boolean
) => Promise<void>;

async function commitWithRetries(
	ctx: AppContext,
	job: CommitJob,
	report: Reporter
): Promise<RosterCommitResult> {
	const row = await data.selectImport(ctx.db, job.importId);
	if (!row) throw new JobLost(job.importId);
	for (let attempt = 1; ; attempt++) {
		await report('checking', 0, 0);
		const evaluation = await evaluate(
			ctx,
			job.importer,
			row.content,
			paced((p) => report('checking', p.done, p.total))
		);
		if (evaluation.problems.length > 0) {
			// Problems that appear only on a second plan mean the database changed meanwhile.
			const count = evaluation.problems.length;
			throw new Invalid([
				attempt === 1
					? { key: 'roster.error.hasProblems', params: { count } }
					: { key: 'roster.error.changedMeanwhile' }
			]);
		}
		const { plan, counts, version } = evaluation;
		const branchNames = new Map([
			...(await data.selectBranches(ctx.db)).map((b) => [b.code, b.name] as const),
			...plan.newBranches.map((b) => [b.code, b.name] as const)
		]);
		// stagePlan writes its progress with each chunk it stages: only pass it on here.
		const passwords = await stagePlan(
			ctx,
			job,
			plan,
			branchNames,
			paced((p) => report('preparing', p.done, p.total, true))
		);
		const json = plan.creates.length > 0 ? passwords : null;
		if (!(await data.storeJobPasswords(ctx.db, job.importId, job.token, json))) {
			throw new JobLost(job.importId);
		}
		await report('writing', 0, 1);
		// Each long write on a turn of its own, so their times do not add up into one stall.
		await nextTurn();
		try {
			await inLargeTransaction(
				ctx.db,
				async (tx) =>
					await publishRosterPlan(ctx, tx, {
						job,
						fileName: row.fileName,
						plan,
						counts,
						version,
						pace: paced()
					})
			);
		} catch (e) {
			if (!(e instanceof PlanMoved)) throw e;
			if (attempt >= MAX_ATTEMPTS) throw new Invalid([{ key: 'roster.error.changedMeanwhile' }]);
			log.info({ importId: job.importId, attempt }, 'roster changed during commit; planning again');
			continue;
		}
		await tidyUp(ctx, job.importId);
		await onDone(report);
		return { importId: job.importId, counts, hasInitialPasswords: json !== null };
	}
}

/** After the publish: housekeeping, whose failure is logged; the import stays committed. */
async function tidyUp(ctx: AppContext, importId: number): Promise<void> {
	try {
		await nextTurn();
		await checkpointWal(ctx.db);
		await data.deleteStagedPaced(ctx.db, importId, paced());
	} catch (e) {
		log.warn({ err: e, importId }, 'roster commit: tidying up after the publish failed');
	}
}

async function onDone(report: Reporter): Promise<void> {
	// The import row already says committed; the caller's progress line still wants its 100 %.
	await report('writing', 1, 1, true);
}

function failureOf(e: unknown): Problem {
	if (e instanceof DomainError && e.problems[0]) {
		const { key, params } = e.problems[0];
		return params ? { key, params } : { key };
	}
	if (e instanceof JobLost) return { key: 'roster.commit.interrupted' };
	return { key: 'roster.commit.failed' };
}

/**
 * Reports jobs that died (silent for JOB_SILENCE_MS, or owned by `owner`, a server that just
 * restarted) as failed with nothing written, so their imports can be committed again, and
 * clears what they staged. Returns how many it found.
 */
export async function failDeadJobs(ctx: AppContext, owner: string | null = null): Promise<number> {
	const dead = await data.selectDeadJobs(ctx.db, ctx.clock.now() - JOB_SILENCE_MS, owner);
	for (const id of dead) {
		await inTransaction(
			ctx.db,
			async (tx) => await data.failJob(tx, id, null, { key: 'roster.commit.interrupted' })
		);
	}
	if (dead.length > 0) {
		await data.deleteOrphanedStaged(ctx.db);
		log.warn(
			{ imports: dead },
			'roster commit jobs found dead: reported as failed, nothing written'
		);
	}
	return dead.length;
}
