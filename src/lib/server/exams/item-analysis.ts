import { canAnalyseItems, requirePermission } from '../auth/permissions';
import type { SessionUser } from '../auth/session';
import type { AppContext } from '../context';
import { NotFound } from '../errors';
import type { QuestionType } from '../../questions/enums';
import { excerpt, loadAnalysedVersions, type AnalysedVersion } from '../questions/service';
import * as data from './data';
import {
	computeItemStats,
	kr20,
	type ItemFlag,
	type ItemStats,
	type ScoredAttempt
} from './item-stats';
import type { Answer } from './types';

export const ITEM_SORTS = ['facility', '-facility', 'discrimination', '-discrimination'] as const;
/** Ascending puts the hardest / least discriminating first; a leading minus reverses. */
export type ItemSort = (typeof ITEM_SORTS)[number] | 'default';

export function parseItemSort(value: string | null): ItemSort {
	return (ITEM_SORTS as readonly string[]).includes(value ?? '') ? (value as ItemSort) : 'default';
}

export interface OptionTally {
	key: string;
	count: number;
	correct: boolean;
}

export interface VersionFigures {
	version: number;
	n: number;
	p: number | null;
	d: number | null;
	rpb: number | null;
}

export interface AnalysedQuestion {
	questionId: number;
	bankId: number;
	/** The author's id, or #id when there is none. */
	label: string;
	excerpt: string;
	type: QuestionType;
	retired: boolean;
	/** Pooled over every version the papers showed. */
	n: number;
	p: number | null;
	d: number | null;
	rpb: number | null;
	/** Keys and correctness as the newest shown version has them; counts pooled. */
	options: OptionTally[];
	blank: number;
	flags: ItemFlag[];
	versions: VersionFigures[];
}

export interface ItemAnalysis {
	exam: { id: number; title: string };
	attempts: number;
	meanScore: number | null;
	meanPercent: number | null;
	/** KR-20; null unless every attempt sat the same items. */
	reliability: number | null;
	sort: ItemSort;
	questions: AnalysedQuestion[];
}

function tallies(row: AnalysedVersion, stats: ItemStats): OptionTally[] {
	const count = (key: string): number => stats.optionCounts[key] ?? 0;
	if (row.type === 'true_false') {
		return [true, false].map((v) => ({
			key: String(v),
			count: count(String(v)),
			correct: row.correctBoolean === v
		}));
	}
	return row.options.map((o) => ({ key: o.key, count: count(o.key), correct: o.correct }));
}

/** Nulls (too few answers to compute) always sort last, whichever direction. */
function sortQuestions(rows: AnalysedQuestion[], sort: ItemSort): AnalysedQuestion[] {
	if (sort === 'default') return rows;
	const field = sort.endsWith('facility') ? 'p' : 'd';
	const sign = sort.startsWith('-') ? -1 : 1;
	return [...rows].sort((a, b) => {
		const x = a[field];
		const y = b[field];
		if (x === null || y === null) return (x === null ? 1 : 0) - (y === null ? 1 : 0);
		return sign * (x - y) || a.questionId - b.questionId;
	});
}

/** Builds the statistics input from stored rows: one ScoredAttempt per submitted attempt. */
function scoredAttempts(
	attempts: data.SubmittedAttemptRow[],
	answers: data.GradedAnswerRow[],
	questionOf: Map<number, number>
): ScoredAttempt[] {
	const byId = new Map<number, ScoredAttempt>(
		attempts.map((a) => [a.id, { attemptId: a.id, total: a.score ?? 0, responses: [] }])
	);
	for (const row of answers) {
		const questionId = questionOf.get(row.questionVersionId);
		const target = byId.get(row.attemptId);
		if (questionId === undefined || !target) continue;
		target.responses.push({
			questionId,
			versionId: row.questionVersionId,
			correct: row.correct === true,
			score: row.score ?? 0,
			answer: (row.answer as Answer | null) ?? null
		});
	}
	return [...byId.values()];
}

/** Item analysis of an exam's submitted attempts: per question facility, discrimination, options. */
export async function getItemAnalysis(
	ctx: AppContext,
	user: SessionUser | null,
	examId: number,
	sort: ItemSort = 'default'
): Promise<ItemAnalysis> {
	requirePermission(user, canAnalyseItems, 'analyses items');
	const exam = Number.isSafeInteger(examId) ? await data.selectExam(ctx.db, examId) : undefined;
	if (!exam) throw new NotFound(`exam ${examId}`);
	const attempts = await data.selectSubmittedAttempts(ctx.db, exam.id);
	const answers = await data.selectGradedAnswers(ctx.db, exam.id);
	const versionRows = await loadAnalysedVersions(ctx.db, [
		...new Set(answers.map((a) => a.questionVersionId))
	]);
	const scored = scoredAttempts(
		attempts,
		answers,
		new Map(versionRows.map((v) => [v.versionId, v.questionId]))
	);
	const report = computeItemStats(scored);
	// Newest version first, so each question's row describes the wording it has now.
	const newestFirst = [...versionRows].sort((a, b) => b.version - a.version);
	const questions: AnalysedQuestion[] = [];
	for (const [questionId, stats] of [...report.byQuestion].sort((a, b) => a[0] - b[0])) {
		const mine = newestFirst.filter((v) => v.questionId === questionId);
		const newest = mine[0]!;
		questions.push({
			questionId,
			bankId: newest.bankId,
			label: newest.externalId ?? `#${questionId}`,
			excerpt: excerpt(newest.stem),
			type: newest.type,
			retired: newest.retired,
			n: stats.n,
			p: stats.p,
			d: stats.d,
			rpb: stats.rpb,
			options: tallies(newest, stats),
			blank: stats.blank,
			flags: stats.flags,
			versions: mine.map((v) => {
				const s = report.byVersion.get(v.versionId)!;
				return { version: v.version, n: s.n, p: s.p, d: s.d, rpb: s.rpb };
			})
		});
	}
	const mean = (xs: number[]): number | null =>
		xs.length === 0 ? null : xs.reduce((s, x) => s + x, 0) / xs.length;
	return {
		exam: { id: exam.id, title: exam.title },
		attempts: attempts.length,
		meanScore: mean(attempts.map((a) => a.score ?? 0)),
		meanPercent: mean(
			attempts.map((a) => (a.maxScore > 0 ? ((a.score ?? 0) / a.maxScore) * 100 : 0))
		),
		reliability: kr20(scored),
		sort,
		questions: sortQuestions(questions, sort)
	};
}
