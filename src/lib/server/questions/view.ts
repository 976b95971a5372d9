import type { AppContext } from '../context';
import { NotFound } from '../errors';
import { requireBankEditor, type BankActor } from './actor';
import { contentOf, type VersionContent } from './content';
import { selectStaffRowById } from '../org/service';
import * as data from './data';
import { renderQuestionText } from './render';
import { QUESTION_TYPES, type QuestionType } from '../../questions/enums';
import type { QuestionFilter, QuestionListRow } from './data';

export interface BankSummary {
	id: number;
	name: string;
	description: string;
	revision: number;
	/** 练习开放 (true) or 保密. */
	practiceOpen: boolean;
	/** Questions in the draw pool, by type. */
	active: Record<QuestionType, number>;
	activeTotal: number;
	retired: number;
}

const noTypes = (): Record<QuestionType, number> =>
	Object.fromEntries(QUESTION_TYPES.map((t) => [t, 0])) as Record<QuestionType, number>;

/** Every bank with its live questions counted by type, and its retired ones. */
export async function listBanks(ctx: AppContext, actor: BankActor): Promise<BankSummary[]> {
	requireBankEditor(actor);
	const banks = new Map<number, BankSummary>(
		(await data.selectBanks(ctx.db)).map((b) => [
			b.id,
			{ ...b, active: noTypes(), activeTotal: 0, retired: 0 }
		])
	);
	for (const c of await data.selectBankCounts(ctx.db)) {
		const bank = banks.get(c.bankId);
		if (!bank) continue;
		if (c.retired) bank.retired += c.n;
		else {
			bank.active[c.type] += c.n;
			bank.activeTotal += c.n;
		}
	}
	return [...banks.values()];
}

export interface BankQuery extends QuestionFilter {
	page: number;
}

export const PAGE_SIZE = 50;

/** Rendered markup is for the detail page; a table cell wants one line of words. */
export function excerpt(text: string, max = 60): string {
	const plain = text
		.replace(/<[^>]*>/g, ' ')
		.replace(/[*_`#>[\]()!|]/g, '')
		.replace(/\s+/g, ' ')
		.trim();
	return plain.length > max ? `${plain.slice(0, max)}…` : plain;
}

export interface BankPage {
	bank: { id: number; name: string; description: string; practiceOpen: boolean };
	facets: { categories: string[]; tags: string[] };
	questions: (Omit<QuestionListRow, 'stem'> & { excerpt: string })[];
	total: number;
	page: number;
	pageCount: number;
}

/** One bank: its questions page by page, filtered, with the categories and tags in use. */
export async function getBank(
	ctx: AppContext,
	actor: BankActor,
	bankId: number,
	query: BankQuery
): Promise<BankPage> {
	requireBankEditor(actor);
	const bank = Number.isSafeInteger(bankId) ? await data.selectBank(ctx.db, bankId) : undefined;
	if (!bank) throw new NotFound(`question bank ${bankId}`);
	const page = Math.max(1, Math.floor(query.page) || 1);
	const { rows, total } = await data.selectQuestionPage(ctx.db, bank.id, query, {
		limit: PAGE_SIZE,
		offset: (page - 1) * PAGE_SIZE
	});
	return {
		bank: {
			id: bank.id,
			name: bank.name,
			description: bank.description,
			practiceOpen: bank.practiceOpen
		},
		facets: await data.selectBankFacets(ctx.db, bank.id),
		questions: rows.map(({ stem, ...r }) => ({ ...r, excerpt: excerpt(stem) })),
		total,
		page,
		pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE))
	};
}

export interface RenderedVersion {
	id: number;
	version: number;
	createdAt: number;
	createdBy: string | null;
	content: VersionContent;
	html: {
		stem: string;
		options: { key: string; html: string; feedback: string | null }[];
		explanation: string;
	};
}

function renderVersion(v: data.VersionRow & { by: string | null }): RenderedVersion {
	const { id, version, createdAt, by } = v;
	const content = contentOf(v);
	const html = (text: string): string => renderQuestionText(text, v.format);
	return {
		id,
		version,
		createdAt,
		createdBy: by,
		content,
		html: {
			stem: html(v.stem),
			options: v.options.map((o) => ({ key: o.key, html: html(o.text), feedback: o.feedback })),
			explanation: v.explanation ? html(v.explanation) : ''
		}
	};
}

export interface QuestionDetail {
	id: number;
	bank: { id: number; name: string };
	externalId: string | null;
	retired: boolean;
	retiredAt: number | null;
	retiredBy: string | null;
	current: RenderedVersion;
	versions: RenderedVersion[];
}

/** A question with its key and every version, newest first (trainers may see keys). */
export async function getQuestion(
	ctx: AppContext,
	actor: BankActor,
	questionId: number
): Promise<QuestionDetail> {
	requireBankEditor(actor);
	const row = Number.isSafeInteger(questionId)
		? await data.selectQuestion(ctx.db, questionId)
		: undefined;
	const bank = row ? await data.selectBank(ctx.db, row.bankId) : undefined;
	const versions = row
		? (await data.selectQuestionVersions(ctx.db, row.id)).map(renderVersion)
		: [];
	const current = versions[0];
	if (!row || !bank || !current) throw new NotFound(`question ${questionId}`);
	return {
		id: row.id,
		bank: { id: bank.id, name: bank.name },
		externalId: row.externalId,
		retired: row.retired,
		retiredAt: row.retiredAt,
		retiredBy:
			row.retiredBy === null
				? null
				: ((await selectStaffRowById(ctx.db, row.retiredBy))?.name ?? null),
		current,
		versions
	};
}
