import { recordAuditIn } from '../audit/service';
import type { AppContext } from '../context';
import { inTransaction, type Db, type Tx } from '../db';
import { Invalid, NotFound } from '../errors';
import { requireBankEditor, type BankActor, type BankEditor } from './actor';
import { checkBankName } from './bank-name';
import { checkDraft } from './check-draft';
import { isSameContent, type VersionContent } from './content';
import * as data from './data';
import { storeQuestion, storeVersion } from './store';
import type { AnalysedVersion, PoolQuestion } from './types';

// The questions domain's front door: routes, the CLI and other domains import it through here.
export {
	excerpt,
	getBank,
	getQuestion,
	listBanks,
	type BankPage,
	type BankSummary,
	type QuestionDetail
} from './view';
export { readBankQuery, readNewQuestionForm, readQuestionForm } from './form';
export { renderQuestionText } from './render';
export {
	checkQuestionFile,
	commitQuestionImport,
	discardQuestionImport,
	previewQuestionImport,
	type QuestionImportPreview,
	type QuestionUpload
} from './import-service';
export { getQuestionImport, listQuestionImports, type QuestionImportView } from './import-view';
export type { QuestionImportCounts } from './import-plan';
export {
	findClosedBanks,
	listOpenBanks,
	loadBankAccess,
	setBankPracticeOpen,
	type BankAccess
} from './practice-access';
export type { AnalysedVersion, ImportProblem, OptionDraft, PoolQuestion } from './types';

const MAX_EXTERNAL_ID = 64;

/** A new question typed into the form; its bank comes from the page it was typed on. */
export type QuestionInput = VersionContent & { externalId: string | null };

async function audit(
	ctx: AppContext,
	tx: Tx,
	editor: BankEditor,
	input: {
		action: 'questions.edit' | 'questions.retire';
		target: string;
		detail: Record<string, unknown>;
	}
): Promise<void> {
	const { action, target, detail } = input;
	await recordAuditIn(ctx, tx, {
		action,
		actorStaffId: editor.staffId,
		target,
		detail: { ...detail, via: editor.via }
	});
}

/** Opens an empty bank; names are unique because imports find banks by name. */
export async function createBank(
	ctx: AppContext,
	actor: BankActor,
	input: { name: string; description?: string }
): Promise<{ bankId: number }> {
	const editor = requireBankEditor(actor);
	const name = input.name.trim();
	checkBankName(name);
	return await inTransaction(ctx.db, async (tx) => {
		if (await data.selectBankByName(tx, name)) {
			throw new Invalid([
				{ key: 'questions.bank.error.nameTaken', params: { name }, field: 'name' }
			]);
		}
		const bankId = await data.insertBank(tx, {
			name,
			description: input.description?.trim() ?? '',
			createdBy: editor.staffId,
			createdAt: ctx.clock.now()
		});
		await audit(ctx, tx, editor, {
			action: 'questions.edit',
			target: `question_bank:${bankId}`,
			detail: { bank: name, created: true }
		});
		return { bankId };
	});
}

function refuseInvalid(content: VersionContent): void {
	const problems = checkDraft(content);
	if (problems.length > 0) throw new Invalid(problems);
}

/** Adds a question to a bank as its version 1. */
export async function createQuestion(
	ctx: AppContext,
	actor: BankActor,
	bankId: number,
	input: QuestionInput
): Promise<{ questionId: number }> {
	const editor = requireBankEditor(actor);
	const { externalId: rawId, ...content } = input;
	refuseInvalid(content);
	const externalId = rawId?.trim() || null;
	if (externalId && externalId.length > MAX_EXTERNAL_ID) {
		throw new Invalid([
			{
				key: 'questions.form.error.externalIdTooLong',
				params: { max: MAX_EXTERNAL_ID },
				field: 'externalId'
			}
		]);
	}
	return await inTransaction(ctx.db, async (tx) => {
		const bank = Number.isSafeInteger(bankId) ? await data.selectBank(tx, bankId) : undefined;
		if (!bank) throw new NotFound(`question bank ${bankId}`);
		const author = { staffId: editor.staffId, now: ctx.clock.now() };
		const draft = { ...content, externalId, bank: bank.name, line: 0 };
		if (externalId && (await data.selectQuestionIdByExternalId(tx, bank.id, externalId)) !== null) {
			throw new Invalid([
				{
					key: 'questions.form.error.externalIdTaken',
					params: { value: externalId },
					field: 'externalId'
				}
			]);
		}
		const questionId = await storeQuestion(tx, bank.id, draft, author);
		await data.bumpRevisions(tx, [bank.id]);
		await audit(ctx, tx, editor, {
			action: 'questions.edit',
			target: `question:${questionId}`,
			detail: { version: 1, created: true }
		});
		return { questionId };
	});
}

/**
 * Saves an edit as a new version (attempts keep the version they showed). Content equal to the
 * current version makes none: `changed` is false and the page says "no change".
 */
export async function editQuestion(
	ctx: AppContext,
	actor: BankActor,
	questionId: number,
	content: VersionContent
): Promise<{ changed: boolean; version: number }> {
	const editor = requireBankEditor(actor);
	refuseInvalid(content);
	return await inTransaction(ctx.db, async (tx) => {
		const row = Number.isSafeInteger(questionId)
			? await data.selectQuestion(tx, questionId)
			: undefined;
		const current = row ? (await data.selectQuestionVersions(tx, row.id))[0] : undefined;
		if (!row || !current) throw new NotFound(`question ${questionId}`);
		if (isSameContent(current, content)) return { changed: false, version: current.version };
		const version = current.version + 1;
		await storeVersion(tx, row.id, version, content, {
			staffId: editor.staffId,
			now: ctx.clock.now()
		});
		await data.bumpRevisions(tx, [row.bankId]);
		await audit(ctx, tx, editor, {
			action: 'questions.edit',
			target: `question:${row.id}`,
			detail: { version }
		});
		return { changed: true, version };
	});
}

async function setRetired(
	ctx: AppContext,
	actor: BankActor,
	questionId: number,
	retire: boolean,
	reason: string
): Promise<void> {
	const editor = requireBankEditor(actor);
	const why = reason.trim();
	if (!why) throw new Invalid([{ key: 'questions.retire.error.reason', field: 'reason' }]);
	await inTransaction(ctx.db, async (tx) => {
		const row = Number.isSafeInteger(questionId)
			? await data.selectQuestion(tx, questionId)
			: undefined;
		if (!row) throw new NotFound(`question ${questionId}`);
		if (row.retired === retire) {
			throw new Invalid([
				{ key: retire ? 'questions.retire.error.already' : 'questions.restore.error.notRetired' }
			]);
		}
		const now = ctx.clock.now();
		await data.updateRetired(
			tx,
			row.id,
			retire
				? { retired: true, retiredAt: now, retiredBy: editor.staffId }
				: { retired: false, retiredAt: null, retiredBy: null }
		);
		// A retired question leaves the draw pool: cached pools must notice.
		await data.bumpRevisions(tx, [row.bankId]);
		await audit(ctx, tx, editor, {
			action: 'questions.retire',
			target: `question:${row.id}`,
			detail: { retired: retire, reason: why }
		});
	});
}

/** Takes a question out of future draws; papers already drawn keep it. */
export async function retireQuestion(
	ctx: AppContext,
	actor: BankActor,
	questionId: number,
	reason: string
): Promise<void> {
	await setRetired(ctx, actor, questionId, true, reason);
}

/** Puts a retired question back into the draw pool. */
export async function restoreQuestion(
	ctx: AppContext,
	actor: BankActor,
	questionId: number,
	reason: string
): Promise<void> {
	await setRetired(ctx, actor, questionId, false, reason);
}

// For other domains (exams): reads of the banks and of the versions papers show. They take the
// handle the caller is working on (the root handle or its transaction) and no person: the
// calling service has checked access.

/** The live questions of some banks at their current versions: the pool a draw picks from. */
export async function loadDrawPool(db: Db, bankIds: number[]): Promise<PoolQuestion[]> {
	return await data.selectPool(db, bankIds);
}

/** Specific versions by id, whatever their question's state now: a paper keeps what it showed. */
export async function loadQuestionVersions(
	db: Db,
	versionIds: number[]
): Promise<Map<number, PoolQuestion>> {
	return await data.selectVersionsById(db, versionIds);
}

/** The versions papers showed, with their question and bank, for item analysis. */
export async function loadAnalysedVersions(
	db: Db,
	versionIds: number[]
): Promise<AnalysedVersion[]> {
	return await data.selectAnalysedVersions(db, versionIds);
}

/** The revision of each bank: a changed revision means a cached draw pool is stale. */
export async function readBankRevisions(db: Db, bankIds: number[]): Promise<Map<number, number>> {
	return await data.selectBankRevisions(db, bankIds);
}

/** Banks with their live question counts, for the exam editor's bank select. */
export async function listBankChoices(
	db: Db
): Promise<{ id: number; name: string; live: number }[]> {
	return await data.selectBankChoices(db);
}

/** Which of these ids are banks. */
export async function findBankIds(db: Db, ids: number[]): Promise<Set<number>> {
	return await data.selectBankIds(db, ids);
}
