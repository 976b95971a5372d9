import { recordAudit } from '../audit/service';
import { hashPassword, generateInitialPassword } from '../auth/password';
import type { AppContext } from '../context';
import { inTransaction } from '../db';
import { Invalid, NotFound } from '../errors';
import { requireImporter, type RosterActor } from './actor';
import { applyRosterPlan } from './apply';
import { evaluate, toPreview, type RosterPreview } from './evaluate';
import * as q from './queries';
import { checkRosterSize } from './read';
import type { RosterCounts } from './types';

export type { RosterPreview } from './evaluate';

export interface RosterUpload {
	fileName: string;
	bytes: Uint8Array;
}

export interface RosterCommitResult {
	importId: number;
	counts: RosterCounts;
	/** True when new accounts were created and their initial passwords await download. */
	hasInitialPasswords: boolean;
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
export function checkRosterFile(
	ctx: AppContext,
	actor: RosterActor,
	upload: RosterUpload
): RosterPreview {
	const importer = requireImporter(actor);
	refuseOversize(upload);
	return toPreview(null, cleanFileName(upload.fileName), evaluate(ctx, importer, upload.bytes));
}

/** Stores an uploaded roster and reports what committing it would do; writes no staff. */
export function previewRosterImport(
	ctx: AppContext,
	actor: RosterActor,
	upload: RosterUpload
): RosterPreview {
	const importer = requireImporter(actor);
	refuseOversize(upload);
	const fileName = cleanFileName(upload.fileName);
	const evaluation = evaluate(ctx, importer, upload.bytes);
	const importId = q.insertImport(ctx.db, {
		createdBy: importer.staffId,
		createdAt: ctx.clock.now(),
		fileName,
		content: Buffer.from(upload.bytes),
		summary: evaluation.counts
	});
	recordAudit(ctx, {
		action: 'roster.preview',
		actorStaffId: importer.staffId,
		target: `roster_import:${importId}`,
		detail: { fileName, via: importer.via, ...evaluation.counts }
	});
	return toPreview(importId, fileName, evaluation);
}

/** The stored import, refusing one that can no longer be committed. */
function getPreviewedRow(ctx: AppContext, importId: number): q.RosterImportRow {
	const row = Number.isSafeInteger(importId) ? q.selectImport(ctx.db, importId) : undefined;
	if (!row) throw new NotFound(`roster import ${importId}`);
	if (row.status === 'committed') throw new Invalid([{ key: 'roster.error.alreadyCommitted' }]);
	if (row.status === 'discarded') throw new Invalid([{ key: 'roster.error.discarded' }]);
	return row;
}

/**
 * Re-checks the stored file against the database as it is now and applies it: everything or,
 * at the first problem, nothing. New accounts get random initial passwords, kept for one download.
 */
export async function commitRosterImport(
	ctx: AppContext,
	actor: RosterActor,
	importId: number
): Promise<RosterCommitResult> {
	const importer = requireImporter(actor);
	const row = getPreviewedRow(ctx, importId);
	const first = evaluate(ctx, importer, row.content);
	if (first.problems.length > 0) {
		throw new Invalid([
			{ key: 'roster.error.hasProblems', params: { count: first.problems.length } }
		]);
	}
	// argon2 is async and slow, a better-sqlite3 transaction synchronous: hash before it starts.
	const credentials = new Map(
		await Promise.all(
			first.plan.creates.map(async ({ record }) => {
				const password = generateInitialPassword();
				return [record.employeeNo, { password, hash: await hashPassword(password) }] as const;
			})
		)
	);
	return inTransaction(ctx.db, (tx) => {
		const txCtx: AppContext = { ...ctx, db: tx };
		// The database may have moved while hashing: plan again inside the transaction.
		const current = evaluate(txCtx, importer, row.content);
		if (current.problems.length > 0) throw new Invalid([{ key: 'roster.error.changedMeanwhile' }]);
		const initial = applyRosterPlan(txCtx, { importId, importer, plan: current.plan, credentials });
		const committed = q.updatePreviewedImport(tx, importId, {
			status: 'committed',
			committedAt: ctx.clock.now(),
			summary: current.counts,
			initialPasswords: initial.length > 0 ? JSON.stringify(initial) : null
		});
		if (!committed) throw new Invalid([{ key: 'roster.error.alreadyCommitted' }]);
		recordAudit(txCtx, {
			action: 'roster.commit',
			actorStaffId: importer.staffId,
			target: `roster_import:${importId}`,
			detail: { fileName: row.fileName, via: importer.via, ...current.counts }
		});
		return { importId, counts: current.counts, hasInitialPasswords: initial.length > 0 };
	});
}

/** Marks a previewed import as abandoned so it can never be committed. */
export function discardRosterImport(ctx: AppContext, actor: RosterActor, importId: number): void {
	const importer = requireImporter(actor);
	getPreviewedRow(ctx, importId);
	if (!q.updatePreviewedImport(ctx.db, importId, { status: 'discarded' })) {
		throw new Invalid([{ key: 'roster.error.alreadyCommitted' }]);
	}
	recordAudit(ctx, {
		action: 'roster.discard',
		actorStaffId: importer.staffId,
		target: `roster_import:${importId}`,
		detail: { via: importer.via }
	});
}
