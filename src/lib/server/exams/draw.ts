import { Invalid, type Problem } from '../errors';
import { createRng, type Rng } from '../rng';
import { isFeasible } from './assignment';
import { checkBlueprint } from './blueprint';
import { indexPool, type PoolIndex } from './pool-index';
import type { BlueprintRule } from './rule';
import { TYPE_ORDER, toTenths, type ExamQuestion, type Paper, type PaperItem } from './types';

/**
 * How items are ordered on the paper. 'by_type' (the default) groups them as Chinese exams print
 * them, 单选, 多选, 判断, 填空, and shuffles within each group, so neighbours differ between
 * examinees; 'by_rule' keeps blueprint order (each rule's questions in drawn order).
 */
export type ItemOrder = 'by_type' | 'by_rule';

export interface DrawOptions {
	seed: string;
	shuffleOptions: boolean;
	itemOrder?: ItemOrder;
}

/** The blueprint cannot be drawn: problems name each short rule and by how many, or a bad rule. */
export class BlueprintError extends Invalid {
	constructor(problems: Problem[]) {
		super(problems);
		this.name = 'BlueprintError';
	}
}

/** Draws a paper for one attempt; same seed and same pool (in any order) give the same paper. */
export function drawPaper(
	rules: readonly BlueprintRule[],
	pool: readonly ExamQuestion[],
	options: DrawOptions
): Paper {
	return drawFromIndex(indexPool(rules, pool), options);
}

interface Pick {
	rule: number;
	position: number;
}

/** Draws a paper from a prepared pool index (the hot path: one per started attempt). */
export function drawFromIndex(index: PoolIndex, options: DrawOptions): Paper {
	const check = checkBlueprint(index.rules, index);
	if (!check.ok) throw new BlueprintError(check.problems);

	const rng = createRng(options.seed);
	const picks = pickQuestions(index, rng);
	const ordered = options.itemOrder === 'by_rule' ? picks : groupByType(index, picks, rng);

	let totalTenths = 0;
	const items = ordered.map(({ rule, position }): PaperItem => {
		const question = index.questions[position]!;
		const points = index.rules[rule]!.pointsEach;
		totalTenths += toTenths(points);
		const keys = question.options.map((option) => option.key);
		const order = options.shuffleOptions && keys.length > 1 ? rng.shuffle(keys) : keys;
		return Object.freeze({
			ruleId: index.rules[rule]!.id,
			questionId: question.questionId,
			versionId: question.versionId,
			points,
			optionOrder: Object.freeze(order)
		});
	});
	return Object.freeze({
		seed: options.seed,
		items: Object.freeze(items),
		maxScore: totalTenths / 10
	});
}

/**
 * Draws each rule's questions in blueprint order with a lazy Fisher–Yates over the rule's
 * candidate list: only the touched slots are remembered (a Map), so drawing k questions costs
 * O(k) however large the pool, and every k-subset of the rule's free candidates is equally likely.
 * Candidates already drawn by an earlier rule are skipped, which keeps the choice uniform over
 * the rest. When rules overlap, a shared question is taken only if the remaining rules can still
 * be filled (the flow check of assignment.ts); that keeps a feasible blueprint always drawable.
 */
function pickQuestions(index: PoolIndex, rng: Rng): Pick[] {
	const { rules, candidates, classOf, graph } = index;
	const taken = new Uint8Array(index.questions.length);
	const sizes = graph.sizes.slice();
	const needs = rules.map((rule) => rule.count);
	const picks: Pick[] = [];

	for (let r = 0; r < rules.length; r++) {
		const list = candidates[r]!;
		const swapped = new Map<number, number>();
		const blocked = new Set<number>();
		let drawn = 0;
		for (let i = 0; drawn < rules[r]!.count && i < list.length; i++) {
			const j = i + rng.int(list.length - i);
			const position = swapped.get(j) ?? list[j]!;
			swapped.set(j, swapped.get(i) ?? list[i]!);
			if (taken[position]) continue;
			const c = classOf[position]!;
			if (blocked.has(c)) continue;
			if (index.overlapping && graph.classRules[c]!.length > 1) {
				sizes[c]!--;
				needs[r]!--;
				const ok = isFeasible({ ...graph, sizes }, needs);
				sizes[c]!++;
				needs[r]!++;
				// Once taking from a class breaks feasibility it stays broken for this rule.
				if (!ok) {
					blocked.add(c);
					continue;
				}
			}
			taken[position] = 1;
			sizes[c]!--;
			needs[r]!--;
			drawn++;
			picks.push({ rule: r, position });
		}
		if (drawn < rules[r]!.count) {
			// Unreachable after a passing check; kept so a logic slip fails loudly, not silently short.
			throw new BlueprintError([
				{ key: 'exams.error.ruleShort', params: { rule: r + 1, short: rules[r]!.count - drawn } }
			]);
		}
	}
	return picks;
}

function groupByType(index: PoolIndex, picks: Pick[], rng: Rng): Pick[] {
	return TYPE_ORDER.flatMap((type) =>
		rng.shuffle(picks.filter((pick) => index.questions[pick.position]!.type === type))
	);
}
