// 错题本: every question a person answered wrong in a submitted attempt, until mastered.
import { canPractise, requirePermission } from '../auth/permissions';
import type { SessionUser } from '../auth/session';
import type { AppContext } from '../context';
import type { Db } from '../db';
import { Invalid, NotFound } from '../errors';
import { findExam, questionKeyView, reviewShows, type ReviewItem } from '../exams/service';
import {
	loadBankAccess,
	loadQuestionVersions,
	type BankAccess,
	type PoolQuestion
} from '../questions/service';
import * as data from './data';
import { buildNotebook, type NotebookEntry } from './notebook-rules';
import { getMasteryThreshold } from './settings';

export interface NotebookItem extends NotebookEntry {
	bankId: number;
	bankName: string;
	category: string | null;
	/** The question's tags: its knowledge points (知识点). */
	knowledgePoints: string[];
	question: PoolQuestion;
	/** Key and explanation, or null while they are secret (why: `hiddenBecause`). */
	key: ReviewItem | null;
	hiddenBecause: 'closedBank' | 'reviewPolicy' | null;
}

export interface NotebookFilter {
	bankId: number | null;
	knowledgePoint: string | null;
}

/**
 * Whether 错题本 may show a question's key: its bank is open (练习开放) and every exam it was
 * answered wrong in lets its examinee see answers now (the result page's rule, reviewShows).
 */
function hiddenBecause(
	bank: BankAccess | undefined,
	exams: readonly ({
		reviewPolicy: 'score_only' | 'score_and_answers' | 'after_window';
		windowClosesAt: number | null;
	} | null)[],
	now: number
): NotebookItem['hiddenBecause'] {
	if (!bank?.practiceOpen) return 'closedBank';
	const allowed = exams.every(
		(exam) =>
			exam !== null &&
			reviewShows({
				policy: exam.reviewPolicy,
				now,
				windowClosesAt: exam.windowClosesAt,
				closedBank: false
			}) === 'answers'
	);
	return allowed ? null : 'reviewPolicy';
}

/** The whole notebook of one person, keys guarded; for this domain's services. */
export async function loadNotebook(ctx: AppContext, staffId: number): Promise<NotebookItem[]> {
	const db: Db = ctx.db;
	const [wrong, verdicts, byHand, threshold] = [
		await data.selectWrongAnswers(db, staffId),
		await data.selectStaffChecks(db, staffId),
		await data.selectMasteredByHand(db, staffId),
		await getMasteryThreshold(db)
	];
	const entries = buildNotebook({
		wrong,
		verdicts,
		masteredByHand: new Map(byHand.map((m) => [m.questionId, m.masteredAt])),
		threshold
	});
	const versions = await loadQuestionVersions(
		db,
		entries.map((e) => e.versionId)
	);
	const banks = await loadBankAccess(
		db,
		[...versions.values()].map((v) => v.bankId)
	);
	const examIds = [...new Set(entries.flatMap((e) => e.examIds))];
	const exams = new Map(
		await Promise.all(examIds.map(async (id) => [id, await findExam(db, id)] as const))
	);
	const now = ctx.clock.now();
	return entries.flatMap((e): NotebookItem[] => {
		const question = versions.get(e.versionId);
		if (!question) return [];
		const bank = banks.get(question.bankId);
		const hidden = hiddenBecause(
			bank,
			e.examIds.map((id) => exams.get(id) ?? null),
			now
		);
		return [
			{
				...e,
				bankId: question.bankId,
				bankName: bank?.name ?? '',
				category: question.category,
				knowledgePoints: question.tags,
				question,
				key: hidden === null ? questionKeyView(question) : null,
				hiddenBecause: hidden
			}
		];
	});
}

export interface NotebookPage {
	items: NotebookItem[];
	total: number;
	banks: { id: number; name: string }[];
	knowledgePoints: string[];
	threshold: number;
	filter: NotebookFilter;
}

/** The person's own 错题本, filtered by bank and knowledge point. */
export async function getNotebook(
	ctx: AppContext,
	user: SessionUser | null,
	filter: NotebookFilter
): Promise<NotebookPage> {
	const me = requirePermission(user, canPractise, 'practises');
	const all = await loadNotebook(ctx, me.id);
	const banks = new Map(all.map((i) => [i.bankId, i.bankName]));
	const items = all.filter(
		(i) =>
			(filter.bankId === null || i.bankId === filter.bankId) &&
			(filter.knowledgePoint === null || i.knowledgePoints.includes(filter.knowledgePoint))
	);
	return {
		items,
		total: all.length,
		banks: [...banks]
			.map(([id, name]) => ({ id, name }))
			.sort((a, b) => a.name.localeCompare(b.name)),
		knowledgePoints: [...new Set(all.flatMap((i) => i.knowledgePoints))].sort(),
		threshold: await getMasteryThreshold(ctx.db),
		filter
	};
}

/** Marks a question of the person's notebook mastered by hand: it leaves until wrong again. */
export async function markMastered(
	ctx: AppContext,
	user: SessionUser | null,
	questionId: number
): Promise<void> {
	const me = requirePermission(user, canPractise, 'practises');
	if (!Number.isSafeInteger(questionId)) throw new Invalid([{ key: 'practice.error.noSuchItem' }]);
	const inBook = (await loadNotebook(ctx, me.id)).some((i) => i.questionId === questionId);
	if (!inBook) throw new NotFound(`notebook item ${questionId}`, 'practice.error.noSuchItem');
	await data.upsertMasteredByHand(ctx.db, {
		staffId: me.id,
		questionId,
		masteredAt: ctx.clock.now()
	});
}
