// The commit job's state, kept in the database so that every app node sees it. Part of the roster
// data door; its staged writes are in stage.ts.
import { and, eq, isNotNull, lt, or, sql } from 'drizzle-orm';
import { first, type Db, type Tx } from '../../db';
import { rosterCommitJob, rosterImport, type CommitFailure, type CommitPhase } from '../../db/schema';

export type CommitJobRow = typeof rosterCommitJob.$inferSelect;

const current = (importId: number, token: string) =>
	and(eq(rosterCommitJob.importId, importId), eq(rosterCommitJob.token, token));

/**
 * Moves a previewed import to committing under a new job (replacing an earlier, failed one);
 * false when it was not previewed. Must run in a transaction.
 */
export async function claimCommit(
	tx: Tx,
	importId: number,
	job: { token: string; owner: string; now: number }
): Promise<boolean> {
	const claimed = await tx
		.update(rosterImport)
		.set({ status: 'committing' })
		.where(and(eq(rosterImport.id, importId), eq(rosterImport.status, 'previewed')));
	if (claimed.changes !== 1) return false;
	const row = {
		importId,
		token: job.token,
		owner: job.owner,
		phase: 'checking' as const,
		done: 0,
		total: 0,
		startedAt: job.now,
		heartbeatAt: job.now,
		error: null
	};
	const { token, owner, phase, done, total, startedAt, heartbeatAt, error } = row;
	const set = { token, owner, phase, done, total, startedAt, heartbeatAt, error };
	await tx
		.insert(rosterCommitJob)
		.values(row)
		.onConflictDoUpdate({ target: rosterCommitJob.importId, set });
	return true;
}

/** Records progress (and that the job is alive); false when the job is no longer this one. */
export async function updateJobProgress(
	db: Db,
	importId: number,
	token: string,
	progress: { phase: CommitPhase; done: number; total: number; now: number }
): Promise<boolean> {
	const { phase, done, total, now } = progress;
	return (
		(
			await db
				.update(rosterCommitJob)
				.set({ phase, done, total, heartbeatAt: now })
				.where(current(importId, token))
		).changes === 1
	);
}

/**
 * Keeps the new accounts' passwords ready; they are handed out only once the import commits.
 * False when the job is no longer this one.
 */
export async function storeJobPasswords(
	db: Db,
	importId: number,
	token: string,
	json: string | null
): Promise<boolean> {
	const running = sql`exists (select 1 from roster_commit_job
		where import_id = ${importId} and token = ${token})`;
	return (
		(
			await db
				.update(rosterImport)
				.set({ initialPasswords: json })
				.where(and(eq(rosterImport.id, importId), eq(rosterImport.status, 'committing'), running))
		).changes === 1
	);
}

/** The job's end, in its final transaction; false when the job was given up meanwhile. */
export async function finishJob(
	tx: Tx,
	importId: number,
	token: string,
	set: { committedAt: number; summary: Record<string, number> }
): Promise<boolean> {
	const ended = await tx
		.update(rosterCommitJob)
		.set({ token: null, phase: 'writing', done: 1, total: 1 })
		.where(current(importId, token));
	if (ended.changes !== 1) return false;
	await tx
		.update(rosterImport)
		.set({ ...set, status: 'committed' })
		.where(eq(rosterImport.id, importId));
	return true;
}

/**
 * Puts a failed job's import back to previewed, saying why, without its passwords; `token`
 * null fails whatever job holds it. False when no such job was running. Must run in a
 * transaction.
 */
export async function failJob(
	tx: Tx,
	importId: number,
	token: string | null,
	error: CommitFailure
): Promise<boolean> {
	const ended = await tx
		.update(rosterCommitJob)
		.set({ token: null, error })
		.where(
			token
				? current(importId, token)
				: and(eq(rosterCommitJob.importId, importId), isNotNull(rosterCommitJob.token))
		);
	if (ended.changes !== 1) return false;
	await tx
		.update(rosterImport)
		.set({ status: 'previewed', initialPasswords: null })
		.where(and(eq(rosterImport.id, importId), eq(rosterImport.status, 'committing')));
	return true;
}

/** Running jobs silent since `heartbeatBefore`, or owned by `owner` (a process that restarted). */
export async function selectDeadJobs(
	db: Db,
	heartbeatBefore: number,
	owner: string | null
): Promise<number[]> {
	const stale = lt(rosterCommitJob.heartbeatAt, heartbeatBefore);
	return (
		await db
			.select({ id: rosterCommitJob.importId })
			.from(rosterCommitJob)
			.where(
				and(
					isNotNull(rosterCommitJob.token),
					owner ? or(stale, eq(rosterCommitJob.owner, owner)) : stale
				)
			)
	).map((r) => r.id);
}

export async function selectJob(db: Db, importId: number): Promise<CommitJobRow | undefined> {
	return await first(db
		.select()
		.from(rosterCommitJob)
		.where(eq(rosterCommitJob.importId, importId)));
}
