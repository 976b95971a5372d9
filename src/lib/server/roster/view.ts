import { recordAuditIn } from '../audit/service';
import type { AppContext } from '../context';
import { inTransaction } from '../db';
import { Invalid, NotFound, type Problem } from '../errors';
import { isMessageKey, translate, type Locale } from '../../i18n/messages';
import { requireImporter, type RosterActor } from './actor';
import { failDeadJobs, type CommitProgress } from './commit-job';
import { evaluate, toPreview, type RosterPreview } from './evaluate';
import { renderPasswordsCsv, type InitialPassword } from './passwords-csv';
import {
	initialPasswordsExpireAt,
	initialPasswordsState,
	purgeExpiredInitialPasswords
} from './passwords-expiry';
import { commitPercent } from './progress';
import type { RosterCounts } from './types';
import * as data from './data';

/** A page shows this many problems or changes at most; the CLI prints them all. */
export const DISPLAY_LIMIT = 1000;

export interface RosterImportView extends RosterPreview {
	importId: number;
	createdAt: number;
	status: data.RosterImportRow['status'];
	committedAt: number | null;
	hasInitialPasswords: boolean;
	/** The new accounts' passwords went unclaimed past their TTL and are gone. */
	passwordsExpired: boolean;
	/** Until when the passwords can be downloaded; null before commit. */
	passwordsExpireAt: number | null;
	passwordsDownloadedAt: number | null;
	problemTotal: number;
	changeTotal: number;
	/** The running commit job's progress; null unless committing. */
	job: CommitProgress | null;
	/** Why the last commit job failed (nothing was written); it can be committed again. */
	lastFailure: Problem | null;
}

const NO_COUNTS: RosterCounts = {
	rows: 0,
	created: 0,
	changed: 0,
	unchanged: 0,
	newBranches: 0,
	problems: 0
};

/** One import: a fresh preview while it awaits commit, the recorded counts afterwards. */
export async function getRosterImport(
	ctx: AppContext,
	actor: RosterActor,
	importId: number
): Promise<RosterImportView> {
	const importer = requireImporter(actor);
	await failDeadJobs(ctx);
	const row = Number.isSafeInteger(importId)
		? await data.selectImportHead(ctx.db, importId)
		: undefined;
	if (!row) throw new NotFound(`roster import ${importId}`);
	const job = await data.selectJob(ctx.db, importId);
	const counts = { ...NO_COUNTS, ...row.summary };
	const passwords = initialPasswordsState(row, ctx.clock.now());
	// Only a preview is planned afresh; the page polls the others while a commit runs.
	const content =
		row.status === 'previewed' ? (await data.selectImport(ctx.db, importId))?.content : null;
	const preview: RosterPreview = content
		? toPreview(importId, row.fileName, await evaluate(ctx, importer, content))
		: {
				importId,
				fileName: row.fileName,
				encoding: null,
				ignoredColumns: [],
				counts,
				problems: [],
				changes: [],
				newBranches: []
			};
	return {
		...preview,
		importId,
		problems: preview.problems.slice(0, DISPLAY_LIMIT),
		problemTotal: preview.problems.length,
		changes: preview.changes.slice(0, DISPLAY_LIMIT),
		changeTotal: preview.changes.length,
		createdAt: row.createdAt,
		status: row.status,
		committedAt: row.committedAt,
		hasInitialPasswords: passwords === 'available',
		passwordsExpired: passwords === 'expired',
		passwordsExpireAt: initialPasswordsExpireAt(row),
		passwordsDownloadedAt: row.passwordsDownloadedAt,
		job: jobProgress(row.status, job),
		lastFailure: failureOf(row.status, job)
	};
}

function jobProgress(
	status: data.RosterImportHead['status'],
	job: data.CommitJobRow | undefined
): CommitProgress | null {
	if (status !== 'committing' || !job) return null;
	const { phase, done, total } = job;
	return { phase, done, total, percent: commitPercent(phase, done, total) };
}

function failureOf(
	status: data.RosterImportHead['status'],
	job: data.CommitJobRow | undefined
): Problem | null {
	const error = job?.error;
	if (status !== 'previewed' || !error) return null;
	return isMessageKey(error.key)
		? { key: error.key, params: error.params }
		: { key: 'roster.commit.failed' };
}

/** The latest imports, newest first. */
export async function listRosterImports(
	ctx: AppContext,
	actor: RosterActor,
	limit = 20
): Promise<data.ImportListItem[]> {
	requireImporter(actor);
	return await data.selectRecentImports(ctx.db, limit);
}

export interface InitialPasswordsFile {
	fileName: string;
	csv: string;
	count: number;
}

/**
 * Hands over the new accounts' initial passwords exactly once and forgets them; null when
 * they were already taken (or the import created nobody). Refuses once they have expired.
 */
export async function takeInitialPasswords(
	ctx: AppContext,
	actor: RosterActor,
	importId: number,
	locale: Locale
): Promise<InitialPasswordsFile | null> {
	const importer = requireImporter(actor);
	const taken = await inTransaction(ctx.db, async (tx) => {
		const row = await data.selectImport(tx, importId);
		if (!row) throw new NotFound(`roster import ${importId}`);
		if (row.status !== 'committed') throw new Invalid([{ key: 'roster.error.notCommitted' }]);
		const state = initialPasswordsState(row, ctx.clock.now());
		if (state === 'expired') return 'expired' as const;
		if (state !== 'available' || row.initialPasswords === null) return null;
		const rows = JSON.parse(row.initialPasswords) as InitialPassword[];
		// An admin's first password is an admin's account: only an admin may take it.
		if (
			!importer.isAdmin &&
			(await data.holdsAdmin(
				tx,
				rows.map((r) => r.employeeNo)
			))
		) {
			throw new Invalid([{ key: 'roster.passwords.adminOnly' }]);
		}
		await data.clearInitialPasswords(tx, importId, ctx.clock.now());
		await recordAuditIn(ctx, tx, {
			action: 'roster.passwords_download',
			actorStaffId: importer.staffId,
			target: `roster_import:${importId}`,
			detail: { count: rows.length, via: importer.via }
		});
		const t = (key: Parameters<typeof translate>[1]): string => translate(locale, key);
		const csv = renderPasswordsCsv(rows, [
			t('roster.passwords.csv.employeeNo'),
			t('roster.passwords.csv.name'),
			t('roster.passwords.csv.branchCode'),
			t('roster.passwords.csv.branchName'),
			t('roster.passwords.csv.password')
		]);
		return { fileName: `initial-passwords-${importId}.csv`, csv, count: rows.length };
	});
	if (taken === 'expired') {
		// The periodic purge may not have reached them yet: forget them now.
		await purgeExpiredInitialPasswords(ctx);
		throw new Invalid([{ key: 'roster.passwords.expired' }]);
	}
	return taken;
}
