// question_bank: the banks, their revisions (the draw-pool caches' staleness check) and the
// bank choices the exam editor offers.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { first, inserted, type Db } from '../../db';
import { question, questionBank } from '../../db/schema';

export type BankRow = typeof questionBank.$inferSelect;

export async function selectBanks(db: Db): Promise<BankRow[]> {
	return await db.select().from(questionBank).orderBy(asc(questionBank.name));
}

export async function selectBank(db: Db, id: number): Promise<BankRow | undefined> {
	return await first(db.select().from(questionBank).where(eq(questionBank.id, id)));
}

export async function selectBankByName(db: Db, name: string): Promise<BankRow | undefined> {
	return await first(db.select().from(questionBank).where(eq(questionBank.name, name)));
}

export async function insertBank(db: Db, row: typeof questionBank.$inferInsert): Promise<number> {
	return (await inserted(db.insert(questionBank).values(row).returning({ id: questionBank.id }))).id;
}

/** Tells cached draw pools that these banks' questions changed. */
export async function bumpRevisions(db: Db, bankIds: number[]): Promise<void> {
	if (bankIds.length === 0) return;
	await db
		.update(questionBank)
		.set({ revision: sql`${questionBank.revision} + 1` })
		.where(inArray(questionBank.id, bankIds));
}

// Starting an attempt reads the revisions of the exam's banks for every examinee at once (a spot
// exam opens for hundreds): built once per handle instead of on every call.
function prepareBankRevision(db: Db) {
	return db
		.select({ revision: questionBank.revision })
		.from(questionBank)
		.where(eq(questionBank.id, sql.placeholder('bankId')))
		.prepare();
}
const prepared = new WeakMap<Db, ReturnType<typeof prepareBankRevision>>();

/** The revision of each bank: a changed revision means a cached draw pool is stale. */
export async function selectBankRevisions(db: Db, bankIds: number[]): Promise<Map<number, number>> {
	let bankRevision = prepared.get(db);
	if (!bankRevision) prepared.set(db, (bankRevision = prepareBankRevision(db)));
	const revisions = new Map<number, number>();
	for (const bankId of bankIds) {
		const row = await bankRevision.get({ bankId });
		if (row) revisions.set(bankId, row.revision);
	}
	return revisions;
}

/** Banks with their live question counts, for the rule editor's bank select. */
export async function selectBankChoices(
	db: Db
): Promise<{ id: number; name: string; live: number }[]> {
	return await db
		.select({
			id: questionBank.id,
			name: questionBank.name,
			live: sql<number>`count(${question.id})`
		})
		.from(questionBank)
		.leftJoin(question, and(eq(question.bankId, questionBank.id), eq(question.retired, false)))
		.groupBy(questionBank.id)
		.orderBy(asc(questionBank.id));
}

/** Which of these ids are banks. */
export async function selectBankIds(db: Db, ids: number[]): Promise<Set<number>> {
	if (ids.length === 0) return new Set();
	return new Set(
		(
			await db
				.select({ id: questionBank.id })
				.from(questionBank)
				.where(inArray(questionBank.id, ids))
		).map((r) => r.id)
	);
}

/** Name and practice setting (练习开放 / 保密) of these banks. */
export async function selectBankAccess(
	db: Db,
	ids: number[]
): Promise<{ id: number; name: string; practiceOpen: boolean }[]> {
	if (ids.length === 0) return [];
	return await db
		.select({ id: questionBank.id, name: questionBank.name, practiceOpen: questionBank.practiceOpen })
		.from(questionBank)
		.where(inArray(questionBank.id, ids))
		.orderBy(asc(questionBank.id));
}

/** Banks open for practice, by name. */
export async function selectOpenBanks(db: Db): Promise<{ id: number; name: string }[]> {
	return await db
		.select({ id: questionBank.id, name: questionBank.name })
		.from(questionBank)
		.where(eq(questionBank.practiceOpen, true))
		.orderBy(asc(questionBank.name));
}

export async function updatePracticeOpen(db: Db, id: number, open: boolean): Promise<boolean> {
	const done = await db
		.update(questionBank)
		.set({ practiceOpen: open })
		.where(eq(questionBank.id, id))
		.returning({ id: questionBank.id });
	return done.length > 0;
}
