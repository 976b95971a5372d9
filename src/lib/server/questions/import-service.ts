import { recordAuditIn } from '../audit/service';
import type { AppContext } from '../context';
import { inTransaction, type Db, type Tx } from '../db';
import { Invalid, NotFound } from '../errors';
import { formatMegabytes, MAX_IMPORT_BYTES } from '../files/decode';
import { requireBankEditor, type BankActor, type BankEditor } from './actor';
import { contentOf } from './content';
import { evaluate, toPreview, type QuestionImportPreview } from './import-evaluate';
import type { QuestionImportCounts } from './import-plan';
import * as data from './data';
import { checkBankName } from './bank-name';
import { storeQuestion, storeVersion } from './store';

export type { QuestionImportPreview } from './import-evaluate';

export interface QuestionUpload {
	fileName: string;
	bytes: Uint8Array;
	/** Bank for questions whose file names none; must exist (the import keeps only its id)… */
	defaultBank?: string | null;
	/** …unless this says to create it, which the commit then does (CLI --create-bank). */
	createBank?: boolean;
}

// Browsers of old sent the whole client path; keep the name only, and not an essay.
function cleanFileName(name: string): string {
	return (name.split(/[\\/]/).pop() ?? '').trim().slice(0, 200);
}

/**
 * Refuses what cannot be previewed at all; returns the default bank's id if one was named, or
 * its name when it is to be created.
 */
async function checkUpload(
	db: Db,
	upload: QuestionUpload
): Promise<{ fileName: string; defaultBankId: number | null; newBank: string | null }> {
	const fileName = cleanFileName(upload.fileName);
	if (!fileName && upload.bytes.length === 0) {
		throw new Invalid([{ key: 'questions.import.error.noFile', field: 'file' }]);
	}
	if (upload.bytes.length > MAX_IMPORT_BYTES) {
		const params = {
			size: formatMegabytes(upload.bytes.length),
			limit: formatMegabytes(MAX_IMPORT_BYTES)
		};
		throw new Invalid([{ key: 'questions.error.fileTooLarge', params, field: 'file' }]);
	}
	const name = upload.defaultBank?.trim();
	if (!name) return { fileName, defaultBankId: null, newBank: null };
	const bank = await data.selectBankByName(db, name);
	if (bank) return { fileName, defaultBankId: bank.id, newBank: null };
	if (!upload.createBank) {
		throw new Invalid([
			{ key: 'questions.import.error.unknownBank', params: { name }, field: 'defaultBank' }
		]);
	}
	checkBankName(name);
	return { fileName, defaultBankId: null, newBank: name };
}

/** Checks a file against the database without keeping it: the CLI's dry run. */
export async function checkQuestionFile(
	ctx: AppContext,
	actor: BankActor,
	upload: QuestionUpload
): Promise<QuestionImportPreview> {
	// Creating a bank asks no more than the banks page does: a bank editor.
	requireBankEditor(actor);
	const { fileName } = await checkUpload(ctx.db, upload);
	const bank = upload.defaultBank?.trim() || null;
	return toPreview(null, fileName, bank, await evaluate(ctx.db, fileName, upload.bytes, bank));
}

/** Stores an uploaded question file and reports what committing it would do; writes no questions. */
export async function previewQuestionImport(
	ctx: AppContext,
	actor: BankActor,
	upload: QuestionUpload
): Promise<QuestionImportPreview> {
	const editor = requireBankEditor(actor);
	const { fileName, defaultBankId, newBank } = await checkUpload(ctx.db, upload);
	const bank = upload.defaultBank?.trim() || null;
	const evaluation = await evaluate(ctx.db, fileName, upload.bytes, bank);
	const importId = await data.insertImport(ctx.db, {
		createdBy: editor.staffId,
		createdAt: ctx.clock.now(),
		fileName,
		content: Buffer.from(upload.bytes),
		summary: defaultBankId === null ? evaluation.counts : { ...evaluation.counts, defaultBankId },
		newBank
	});
	return toPreview(importId, fileName, bank, evaluation);
}

/** The stored import and its default bank's name, refusing one that can no longer be committed. */
export async function getStoredImport(
	db: Db,
	importId: number
): Promise<{ row: data.ImportRow; defaultBank: string | null }> {
	const row = Number.isSafeInteger(importId) ? await data.selectImport(db, importId) : undefined;
	if (!row) throw new NotFound(`question import ${importId}`);
	const bankId = row.summary?.defaultBankId;
	// A bank the import was told to create is made by its commit, like the banks $CATEGORY names.
	const defaultBank =
		bankId === undefined ? row.newBank : ((await data.selectBank(db, bankId))?.name ?? null);
	return { row, defaultBank };
}

async function getPreviewed(
	db: Db,
	importId: number
): Promise<Awaited<ReturnType<typeof getStoredImport>>> {
	const stored = await getStoredImport(db, importId);
	if (stored.row.status === 'committed')
		throw new Invalid([{ key: 'questions.import.error.alreadyCommitted' }]);
	if (stored.row.status === 'discarded')
		throw new Invalid([{ key: 'questions.import.error.discarded' }]);
	return stored;
}

/**
 * Re-reads the stored file against the database as it is now and applies it in one transaction:
 * every question or, at any problem, none. Banks are created by name; a question whose external
 * id exists in its bank gets a new version only when its content changed.
 */
export async function commitQuestionImport(
	ctx: AppContext,
	actor: BankActor,
	importId: number
): Promise<{ importId: number; counts: QuestionImportCounts }> {
	const editor = requireBankEditor(actor);
	return await inTransaction(ctx.db, async (tx) => {
		const { row, defaultBank } = await getPreviewed(tx, importId);
		const { plan, counts, parsed } = await evaluate(tx, row.fileName, row.content, defaultBank);
		if (parsed.problems.length > 0) {
			throw new Invalid([
				{ key: 'questions.import.error.hasProblems', params: { count: parsed.problems.length } }
			]);
		}
		if (parsed.questions.length === 0) throw new Invalid([{ key: 'questions.error.noQuestions' }]);
		await applyPlan(ctx, tx, editor, plan);
		const summary = { ...row.summary, ...counts };
		if (
			!(await data.updatePreviewedImport(tx, importId, {
				status: 'committed',
				committedAt: ctx.clock.now(),
				summary
			}))
		) {
			throw new Invalid([{ key: 'questions.import.error.alreadyCommitted' }]);
		}
		await recordAuditIn(ctx, tx, {
			action: 'questions.import',
			actorStaffId: editor.staffId,
			target: `question_import:${importId}`,
			detail: { fileName: row.fileName, via: editor.via, ...counts }
		});
		return { importId, counts };
	});
}

async function applyPlan(
	ctx: AppContext,
	tx: Tx,
	editor: BankEditor,
	plan: Awaited<ReturnType<typeof evaluate>>['plan']
): Promise<void> {
	const author = { staffId: editor.staffId, now: ctx.clock.now() };
	const bankIds = new Map((await data.selectBanks(tx)).map((b) => [b.name, b.id]));
	for (const name of plan.newBanks) {
		bankIds.set(
			name,
			await data.insertBank(tx, { name, createdBy: editor.staffId, createdAt: author.now })
		);
	}
	const touched = new Set<number>();
	for (const draft of plan.creates) {
		const bankId = bankIds.get(draft.bank);
		if (bankId === undefined) throw new Error(`bank ${draft.bank} vanished during import`);
		await storeQuestion(tx, bankId, draft, author);
		touched.add(bankId);
	}
	for (const v of plan.versions) {
		await storeVersion(tx, v.questionId, v.version, contentOf(v.draft), author);
		touched.add(bankIds.get(v.draft.bank) ?? -1);
	}
	await data.bumpRevisions(tx, [...touched]);
}

/** Marks a previewed import as abandoned so it can never be committed. */
export async function discardQuestionImport(
	ctx: AppContext,
	actor: BankActor,
	importId: number
): Promise<void> {
	requireBankEditor(actor);
	await getPreviewed(ctx.db, importId);
	if (!(await data.updatePreviewedImport(ctx.db, importId, { status: 'discarded' }))) {
		throw new Invalid([{ key: 'questions.import.error.alreadyCommitted' }]);
	}
}
