import { and, asc, count, eq, like, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db';
import { question, questionVersion } from '../db/schema';
import type { QuestionType } from '../../questions/enums';

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
		.groupBy(question.bankId, questionVersion.type, question.retired)
		.all();
}

export interface QuestionFilter {
	category?: string;
	type?: QuestionType;
	difficulty?: number;
	tag?: string;
	retired?: boolean;
	text?: string;
}

function filterWhere(bankId: number, f: QuestionFilter): SQL | undefined {
	const v = questionVersion;
	const text = f.text ? `%${f.text.replace(/[%_\\]/g, (c) => `\\${c}`)}%` : null;
	return and(
		eq(question.bankId, bankId),
		f.category !== undefined ? eq(v.category, f.category) : undefined,
		f.type ? eq(v.type, f.type) : undefined,
		f.difficulty ? eq(v.difficulty, f.difficulty) : undefined,
		f.tag ? sql`exists (select 1 from json_each(${v.tags}) where value = ${f.tag})` : undefined,
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

export async function selectQuestionPage(
	db: Db,
	bankId: number,
	filter: QuestionFilter,
	page: { limit: number; offset: number }
): Promise<{ rows: QuestionListRow[]; total: number }> {
	const v = questionVersion;
	const where = filterWhere(bankId, filter);
	const base = db.select({ n: count() }).from(question);
	const total =
		(await base.innerJoin(v, eq(v.id, question.currentVersionId)).where(where).get())?.n ?? 0;
	const rows = await db
		.select({
			id: question.id,
			externalId: question.externalId,
			retired: question.retired,
			version: v.version,
			type: v.type,
			category: v.category,
			stem: v.stem,
			difficulty: v.difficulty,
			tags: v.tags
		})
		.from(question)
		.innerJoin(v, eq(v.id, question.currentVersionId))
		.where(where)
		.orderBy(asc(question.id))
		.limit(page.limit)
		.offset(page.offset)
		.all();
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
		.where(eq(question.bankId, bankId))
		.all();
	const categories = new Set(rows.flatMap((r) => (r.category ? [r.category] : [])));
	const tags = new Set(rows.flatMap((r) => r.tags));
	return { categories: [...categories].sort(), tags: [...tags].sort() };
}
