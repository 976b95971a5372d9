// 练习开放 / 保密: whether a bank may feed practice and show its answer keys to learners.
import { recordAuditIn } from '../audit/service';
import type { AppContext } from '../context';
import { inTransaction, type Db } from '../db';
import { NotFound } from '../errors';
import { requireBankEditor, type BankActor } from './actor';
import * as data from './data';

export interface BankAccess {
	id: number;
	name: string;
	practiceOpen: boolean;
}

/** Opens a bank for practice (练习开放) or closes it (保密); audited. */
export async function setBankPracticeOpen(
	ctx: AppContext,
	actor: BankActor,
	bankId: number,
	open: boolean
): Promise<void> {
	const editor = requireBankEditor(actor);
	await inTransaction(ctx.db, async (tx) => {
		if (!Number.isSafeInteger(bankId) || !(await data.updatePracticeOpen(tx, bankId, open))) {
			throw new NotFound(`question bank ${bankId}`);
		}
		await recordAuditIn(ctx, tx, {
			action: 'questions.edit',
			actorStaffId: editor.staffId,
			target: `question_bank:${bankId}`,
			detail: { practiceOpen: open, via: editor.via }
		});
	});
}

// For other domains (exams, practice): no person, the caller has checked access.

/** Name and practice setting of each of these banks. */
export async function loadBankAccess(db: Db, bankIds: number[]): Promise<Map<number, BankAccess>> {
	const ids = [...new Set(bankIds)].filter(Number.isSafeInteger);
	return new Map((await data.selectBankAccess(db, ids)).map((b) => [b.id, b]));
}

/** Those of these banks that are closed (保密), or unknown: neither may feed practice. */
export async function findClosedBanks(db: Db, bankIds: number[]): Promise<BankAccess[]> {
	const access = await loadBankAccess(db, bankIds);
	return [...new Set(bankIds)]
		.map((id) => access.get(id) ?? { id, name: String(id), practiceOpen: false })
		.filter((b) => !b.practiceOpen);
}

/** The banks open for practice. */
export async function listOpenBanks(db: Db): Promise<{ id: number; name: string }[]> {
	return await data.selectOpenBanks(db);
}
