import { recordAudit } from '../audit/service';
import type { AppContext } from '../context';
import { inTransaction } from '../db';
import { Invalid, NotFound } from '../errors';
import { requireImporter, type RosterActor } from './actor';
import {
	failDeadJobs,
	jobOwner,
	runCommitJob,
	type CommitJob,
	type CommitProgress,
	type RosterCommitResult
} from './commit-job';
import { evaluate, toPreview, type RosterPreview } from './evaluate';
import { checkRosterSize } from './read';
import * as data from './data';

export type { RosterPreview } from './evaluate';
export { JOB_SILENCE_MS, type CommitProgress, type RosterCommitResult } from './commit-job';
export {
	DISPLAY_LIMIT,
	getRosterImport,
	listRosterImports,
	takeInitialPasswords,
	type InitialPasswordsFile,
	type RosterImportView
} from './view';
export { createAdmin, DEFAULT_HEAD_OFFICE, type CreatedAdmin } from './admin';
export { describeColumns, type ColumnHelp } from './columns';
export { purgeExpiredInitialPasswords, startInitialPasswordsPurge } from './passwords-expiry';
export type { RosterCounts } from './types';
export { isSystemActor, SYSTEM_ACTOR, type RosterActor, type SystemActor } from './actor';

export interface RosterUpload {
	fileName: string;
	bytes: Uint8Array;
}

function generateJobToken(): string {
	const bytes = new Uint8Array(16);
	crypto.getRandomValues(bytes);
	return Buffer.from(bytes).toString('hex');
}

// Browsers of old sent the whole client path; keep the name only, and not an essay.
function cleanFileName(name: string): string {
	return (name.split(/[\\/]/).pop() ?? '').trim().slice(0, 200) || 'roster.csv';
}

function refuseOversize(upload: RosterUpload): void {
	if (!upload.fileName && upload.bytes.length === 0) {
		throw new Invalid([{ key: 'roster.error.noFile' }]);
	}
	const tooLarge = checkRosterSize(upload.bytes.length);
	if (tooLarge) throw new Invalid([tooLarge]);
}

/** Checks a file against the database without keeping it: the CLI's dry run. */
export async function checkRosterFile(
	ctx: AppContext,
	actor: RosterActor,
	upload: RosterUpload
): Promise<RosterPreview> {
	const importer = requireImporter(actor);
	refuseOversize(upload);
	return toPreview(
		null,
		cleanFileName(upload.fileName),
		await evaluate(ctx, importer, upload.bytes)
	);
}

/** Stores an uploaded roster and reports what committing it would do; writes no staff. */
export async function previewRosterImport(
	ctx: AppContext,
	actor: RosterActor,
	upload: RosterUpload
): Promise<RosterPreview> {
	const importer = requireImporter(actor);
	refuseOversize(upload);
	const fileName = cleanFileName(upload.fileName);
	const evaluation = await evaluate(ctx, importer, upload.bytes);
	const importId = await data.insertImport(ctx.db, {
		createdBy: importer.staffId,
		createdAt: ctx.clock.now(),
		fileName,
		content: Buffer.from(upload.bytes),
		summary: evaluation.counts
	});
	await recordAudit(ctx, {
		action: 'roster.preview',
		actorStaffId: importer.staffId,
		target: `roster_import:${importId}`,
		detail: { fileName, via: importer.via, ...evaluation.counts }
	});
	return toPreview(importId, fileName, evaluation);
}

/** The stored import, refusing one that can no longer be committed. */
async function getPreviewedRow(ctx: AppContext, importId: number): Promise<data.RosterImportRow> {
	const row = Number.isSafeInteger(importId)
		? await data.selectImport(ctx.db, importId)
		: undefined;
	if (!row) throw new NotFound(`roster import ${importId}`);
	if (row.status === 'committing') throw new Invalid([{ key: 'roster.error.committing' }]);
	if (row.status === 'committed') throw new Invalid([{ key: 'roster.error.alreadyCommitted' }]);
	if (row.status === 'discarded') throw new Invalid([{ key: 'roster.error.discarded' }]);
	return row;
}

/** Checks the import can be committed and marks it as committing under a new job. */
async function claimCommit(
	ctx: AppContext,
	actor: RosterActor,
	importId: number
): Promise<CommitJob> {
	const importer = requireImporter(actor);
	await failDeadJobs(ctx);
	await getPreviewedRow(ctx, importId);
	const token = generateJobToken();
	const job = { token, owner: jobOwner(ctx, importer.via), now: ctx.clock.now() };
	const claimed = await inTransaction(
		ctx.db,
		async (tx) => await data.claimCommit(tx, importId, job)
	);
	// Someone else's click got there first.
	if (!claimed) throw new Invalid([{ key: 'roster.error.committing' }]);
	return { importId, token, importer };
}

/**
 * Starts committing the stored file in the background and returns at once; the import page
 * follows its progress. The job re-checks the file against the database as it is then and
 * applies everything or nothing; new accounts get random initial passwords for one download.
 */
export async function startRosterCommit(
	ctx: AppContext,
	actor: RosterActor,
	importId: number
): Promise<void> {
	const job = await claimCommit(ctx, actor, importId);
	// From the next turn, so the request is answered first. The job records its own failure
	// on the import, where the page shows it, and logs what is not a domain error.
	setImmediate(() => void runCommitJob(ctx, job).catch(() => {}));
}

/** Commits and waits for the end (the CLI, tests); `onProgress` hears how far it is. */
export async function commitRosterImport(
	ctx: AppContext,
	actor: RosterActor,
	importId: number,
	onProgress?: (progress: CommitProgress) => void | Promise<void>
): Promise<RosterCommitResult> {
	return runCommitJob(ctx, await claimCommit(ctx, actor, importId), onProgress);
}

/** Marks a previewed import as abandoned so it can never be committed. */
export async function discardRosterImport(
	ctx: AppContext,
	actor: RosterActor,
	importId: number
): Promise<void> {
	const importer = requireImporter(actor);
	await getPreviewedRow(ctx, importId);
	if (!(await data.updatePreviewedImport(ctx.db, importId, { status: 'discarded' }))) {
		throw new Invalid([{ key: 'roster.error.alreadyCommitted' }]);
	}
	await recordAudit(ctx, {
		action: 'roster.discard',
		actorStaffId: importer.staffId,
		target: `roster_import:${importId}`,
		detail: { via: importer.via }
	});
}

/**
 * At server start: commit jobs this server was running when it stopped are reported as failed
 * (their transaction never committed, so nothing was written), as are jobs silent for long.
 */
export async function failInterruptedRosterCommits(ctx: AppContext): Promise<number> {
	return await failDeadJobs(ctx, jobOwner(ctx, 'web'));
}
