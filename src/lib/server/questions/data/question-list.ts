// question and question_version as the bank page lists them: counts, pages, filter choices.
import { and, asc, count, eq, like, or, sql, type SQL } from 'drizzle-orm';
import { first, type Db } from '../../db';
import { question, questionVersion } from '../../db/schema';
import type { QuestionType } from '../../../questions/enums';

/** Questions per bank, type and retired flag, at their current versions. */
export async function selectBankCounts(
	db: Db
): Promise<{ bankId: number; type: QuestionType; retired: boolean; n: number }[]> {
	return await db
		.select({
			bankId: question.bankId,
			type: questionVersion.type,
			retired: question.retired,
			n: count()
		})
		.from(question)
		.innerJoin(questionVersion, eq(questionVersion.id, question.currentVersionId))
		.groupBy(question.bankId, questionVersion.type, question.retired);
}

export interface QuestionFilter {
	category?: string;
	type?: QuestionType;
	difficulty?: number;
	tag?: string;
	retired?: boolean;
	text?: string;
}

const escapeLike = (text: string): string => text.replace(/[%_\\]/g, (c) => `\\${c}`);

function filterWhere(bankId: number, f: QuestionFilter): SQL | undefined {
	const v = questionVersion;
	const text = f.text ? `%${escapeLike(f.text)}%` : null;
	// Tags are a JSON array in text; no JSON in SQL (docs/data-layer.md), so SQL keeps the rows
	// whose text holds the tag as a JSON string, a superset, and hasTag decides.
	const tag = f.tag ? `%${escapeLike(JSON.stringify(f.tag))}%` : null;
	return and(
		eq(question.bankId, bankId),
		f.category !== undefined ? eq(v.category, f.category) : undefined,
		f.type ? eq(v.type, f.type) : undefined,
		f.difficulty ? eq(v.difficulty, f.difficulty) : undefined,
		tag ? sql`${v.tags} like ${tag} escape '\\'` : undefined,
		f.retired !== undefined ? eq(question.retired, f.retired) : undefined,
		text ? or(sql`${v.stem} like ${text} escape '\\'`, like(question.externalId, text)) : undefined
	);
}

export interface QuestionListRow {
	id: number;
	externalId: string | null;
	retired: boolean;
	version: number;
	type: QuestionType;
	category: string | null;
	stem: string;
	difficulty: number;
	tags: string[];
}

const listColumns = {
	id: question.id,
	externalId: question.externalId,
	retired: question.retired,
	version: questionVersion.version,
	type: questionVersion.type,
	category: questionVersion.category,
	stem: questionVersion.stem,
	difficulty: questionVersion.difficulty,
	tags: questionVersion.tags
};

export async function selectQuestionPage(
	db: Db,
	bankId: number,
	filter: QuestionFilter,
	page: { limit: number; offset: number }
): Promise<{ rows: QuestionListRow[]; total: number }> {
	const v = questionVersion;
	const where = filterWhere(bankId, filter);
	const list = db
		.select(listColumns)
		.from(question)
		.innerJoin(v, eq(v.id, question.currentVersionId))
		.where(where)
		.orderBy(asc(question.id));
	const tag = filter.tag;
	if (tag) {
		// The exact tag test is made here, so the page is cut after it.
		const all = (await list).filter((r) => r.tags.includes(tag));
		return { rows: all.slice(page.offset, page.offset + page.limit), total: all.length };
	}
	const base = db.select({ n: count() }).from(question);
	const total =
		(await first(base.innerJoin(v, eq(v.id, question.currentVersionId)).where(where)))?.n ?? 0;
	const rows = await list.limit(page.limit).offset(page.offset);
	return { rows, total };
}

/** Categories and tags in use in a bank, for the filter choices. */
export async function selectBankFacets(
	db: Db,
	bankId: number
): Promise<{ categories: string[]; tags: string[] }> {
	const rows = await db
		.select({ category: questionVersion.category, tags: questionVersion.tags })
		.from(question)
		.innerJoin(questionVersion, eq(questionVersion.id, question.currentVersionId))
		.where(eq(question.bankId, bankId));
	const categories = new Set(rows.flatMap((r) => (r.category ? [r.category] : [])));
	const tags = new Set(rows.flatMap((r) => r.tags));
	return { categories: [...categories].sort(), tags: [...tags].sort() };
}
