/**
 * Classical item statistics for one exam's submitted attempts. Pure: the rows come in as
 * arguments, numbers come out. Formulas and the choices behind them:
 *
 * - n: how many submitted attempts showed the item.
 * - facility p: share of those n answers that were fully correct (partial credit counts as wrong).
 * - discrimination D = p(upper) − p(lower). The n attempts that showed the item are ordered by
 *   total score ascending, ties broken by attempt id ascending (earlier attempt ranks lower), so
 *   the grouping is deterministic. The lower group is the first g, the upper group the last g,
 *   g = max(1, round(0.27 · n)) capped at floor(n / 2) so the groups never overlap. Null when n < 2.
 * - point-biserial r_pb: Pearson correlation between correctness (1/0) and the REST score
 *   (total minus this item's own points), so an item is not correlated with itself. Null when
 *   either side has no variance (everyone right, everyone wrong, all rest scores equal).
 * - option counts: per stored option key ('true'/'false' for true/false), each chosen key once
 *   per answer (a multiple-choice answer adds to several keys); blank answers counted apart.
 * - flags: fewer than MIN_N answers is only "low n" — too few to judge; otherwise too easy
 *   (p > 0.9), too hard (p < 0.2), negative discrimination (D < 0 or r_pb < 0).
 *
 * Papers are drawn at random, so different attempts may show different items; totals are then
 * compared across slightly different papers, which the page states rather than hides.
 */
import type { Answer } from './types';

export const MIN_N = 10;
export const TOO_EASY = 0.9;
export const TOO_HARD = 0.2;
export const GROUP_SHARE = 0.27;

export type ItemFlag = 'tooEasy' | 'tooHard' | 'negative' | 'lowN';

/** One position of one submitted paper. */
export interface ItemResponse {
	questionId: number;
	versionId: number;
	correct: boolean;
	/** Points this item earned, subtracted from the total for the rest score. */
	score: number;
	answer: Answer | null;
}

export interface ScoredAttempt {
	attemptId: number;
	total: number;
	responses: ItemResponse[];
}

export interface ItemStats {
	n: number;
	/** Share fully correct; null when n = 0. */
	p: number | null;
	d: number | null;
	rpb: number | null;
	/** Times each option key was chosen. */
	optionCounts: Record<string, number>;
	blank: number;
	flags: ItemFlag[];
}

export interface ItemStatsReport {
	byVersion: Map<number, ItemStats>;
	byQuestion: Map<number, ItemStats>;
}

interface Observation {
	attemptId: number;
	total: number;
	response: ItemResponse;
}

/** Option keys an answer chose; empty for a blank (or a fill-in, which has no keys). */
function chosenKeys(answer: Answer | null): string[] | null {
	if (answer === null) return null;
	if ('choice' in answer) return answer.choice === '' ? null : [answer.choice];
	if ('choices' in answer) return answer.choices.length === 0 ? null : answer.choices;
	if ('value' in answer) return [String(answer.value)];
	return answer.text.trim() === '' ? null : [];
}

function mean(values: number[]): number {
	return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** Pearson r; null when either variable is constant (r would be 0/0). */
export function pearson(xs: number[], ys: number[]): number | null {
	if (xs.length < 2) return null;
	const mx = mean(xs);
	const my = mean(ys);
	let sxy = 0;
	let sxx = 0;
	let syy = 0;
	xs.forEach((x, i) => {
		const dx = x - mx;
		const dy = ys[i]! - my;
		sxy += dx * dy;
		sxx += dx * dx;
		syy += dy * dy;
	});
	// Tolerance, so float noise in equal rest scores does not become a spurious correlation.
	if (sxx < 1e-12 || syy < 1e-12) return null;
	return sxy / Math.sqrt(sxx * syy);
}

/** Upper-minus-lower 27% discrimination, as described at the top of the file. */
export function upperLowerD(
	obs: { attemptId: number; total: number; correct: boolean }[]
): number | null {
	const n = obs.length;
	if (n < 2) return null;
	const g = Math.min(Math.max(1, Math.round(GROUP_SHARE * n)), Math.floor(n / 2));
	const ranked = [...obs].sort((a, b) => a.total - b.total || a.attemptId - b.attemptId);
	const share = (group: typeof obs): number => group.filter((o) => o.correct).length / g;
	return share(ranked.slice(n - g)) - share(ranked.slice(0, g));
}

function flagsFor(n: number, p: number | null, d: number | null, rpb: number | null): ItemFlag[] {
	if (n < MIN_N || p === null) return ['lowN'];
	const flags: ItemFlag[] = [];
	if (p > TOO_EASY) flags.push('tooEasy');
	if (p < TOO_HARD) flags.push('tooHard');
	if ((d !== null && d < 0) || (rpb !== null && rpb < 0)) flags.push('negative');
	return flags;
}

function statsOf(obs: Observation[]): ItemStats {
	const n = obs.length;
	const optionCounts: Record<string, number> = {};
	let blank = 0;
	for (const o of obs) {
		const keys = chosenKeys(o.response.answer);
		if (keys === null) blank++;
		else for (const key of keys) optionCounts[key] = (optionCounts[key] ?? 0) + 1;
	}
	const p = n === 0 ? null : obs.filter((o) => o.response.correct).length / n;
	const d = upperLowerD(
		obs.map((o) => ({ attemptId: o.attemptId, total: o.total, correct: o.response.correct }))
	);
	const rpb = pearson(
		obs.map((o) => (o.response.correct ? 1 : 0)),
		obs.map((o) => o.total - o.response.score)
	);
	return { n, p, d, rpb, optionCounts, blank, flags: flagsFor(n, p, d, rpb) };
}

function group(
	attempts: ScoredAttempt[],
	keyOf: (r: ItemResponse) => number
): Map<number, Observation[]> {
	const groups = new Map<number, Observation[]>();
	for (const a of attempts) {
		for (const response of a.responses) {
			const key = keyOf(response);
			const list = groups.get(key) ?? [];
			list.push({ attemptId: a.attemptId, total: a.total, response });
			groups.set(key, list);
		}
	}
	return groups;
}

/** Statistics per question version and, pooling its versions, per question. */
export function computeItemStats(attempts: ScoredAttempt[]): ItemStatsReport {
	const toStats = (groups: Map<number, Observation[]>): Map<number, ItemStats> =>
		new Map([...groups].map(([key, obs]) => [key, statsOf(obs)]));
	return {
		byVersion: toStats(group(attempts, (r) => r.versionId)),
		byQuestion: toStats(group(attempts, (r) => r.questionId))
	};
}

/**
 * KR-20 reliability, meaningful only when every attempt sat the same items: null otherwise,
 * with fewer than two items or attempts, or when total scores do not vary.
 */
export function kr20(attempts: ScoredAttempt[]): number | null {
	if (attempts.length < 2) return null;
	const itemsOf = (a: ScoredAttempt): string =>
		a.responses
			.map((r) => r.versionId)
			.sort((x, y) => x - y)
			.join(',');
	const first = itemsOf(attempts[0]!);
	if (attempts.some((a) => itemsOf(a) !== first)) return null;
	const k = attempts[0]!.responses.length;
	if (k < 2) return null;
	const totals = attempts.map((a) => a.responses.filter((r) => r.correct).length);
	const m = mean(totals);
	const variance = mean(totals.map((t) => (t - m) ** 2));
	if (variance < 1e-12) return null;
	let sumPq = 0;
	for (const s of computeItemStats(attempts).byVersion.values()) {
		sumPq += (s.p ?? 0) * (1 - (s.p ?? 0));
	}
	return (k / (k - 1)) * (1 - sumPq / variance);
}
