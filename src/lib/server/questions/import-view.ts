import type { AppContext } from '../context';
import { requireBankEditor, type BankActor } from './actor';
import { evaluate, toPreview, type QuestionImportPreview } from './import-evaluate';
import type { QuestionImportCounts } from './import-plan';
import { getStoredImport } from './import-service';
import { selectRecentImports, type ImportListRow, type ImportRow } from './data';

/** A page shows this many problems, skipped questions or new versions at most; the CLI prints all. */
export const DISPLAY_LIMIT = 1000;

export interface QuestionImportView extends QuestionImportPreview {
	importId: number;
	createdAt: number;
	status: ImportRow['status'];
	committedAt: number | null;
	totals: { problems: number; skipped: number; updated: number };
}

const NO_COUNTS: QuestionImportCounts = {
	questions: 0,
	created: 0,
	newVersions: 0,
	unchanged: 0,
	newBanks: 0,
	skipped: 0,
	problems: 0,
	warnings: 0
};

/** One import: a fresh preview while it awaits commit, the recorded counts afterwards. */
export async function getQuestionImport(
	ctx: AppContext,
	actor: BankActor,
	importId: number
): Promise<QuestionImportView> {
	requireBankEditor(actor);
	const { row, defaultBank } = await getStoredImport(ctx.db, importId);
	const preview =
		row.status === 'previewed'
			? toPreview(
					importId,
					row.fileName,
					defaultBank,
					await evaluate(ctx.db, row.fileName, row.content, defaultBank)
				)
			: {
					...toPreview(importId, row.fileName, defaultBank, {
						parsed: { questions: [], problems: [], warnings: [], skipped: [] },
						plan: { newBanks: [], creates: [], versions: [], unchanged: [] },
						counts: NO_COUNTS
					}),
					counts: { ...NO_COUNTS, ...row.summary }
				};
	return {
		...preview,
		importId,
		problems: preview.problems.slice(0, DISPLAY_LIMIT),
		skipped: preview.skipped.slice(0, DISPLAY_LIMIT),
		updated: preview.updated.slice(0, DISPLAY_LIMIT),
		totals: {
			problems: preview.problems.length,
			skipped: preview.skipped.length,
			updated: preview.updated.length
		},
		createdAt: row.createdAt,
		status: row.status,
		committedAt: row.committedAt
	};
}

/** The latest question imports, newest first. */
export async function listQuestionImports(
	ctx: AppContext,
	actor: BankActor,
	limit = 20
): Promise<ImportListRow[]> {
	requireBankEditor(actor);
	return await selectRecentImports(ctx.db, limit);
}
