import type { ClassGraph } from './assignment';
import { matchesRule, type BlueprintRule } from './rule';
import type { ExamQuestion } from './types';

/**
 * A pool prepared for one blueprint: the work a draw would otherwise repeat for every examinee.
 * Build it once per exam and pool (a 5,000-question bank takes a few milliseconds) and draw from
 * it for each attempt (microseconds).
 */
export interface PoolIndex {
	readonly rules: readonly BlueprintRule[];
	/** Live questions matching at least one rule, sorted by questionId: the draw's fixed order. */
	readonly questions: readonly ExamQuestion[];
	/** Per rule, positions in `questions` of its candidates, ascending. */
	readonly candidates: readonly Int32Array[];
	/** Per position in `questions`, the class (set of matching rules) it belongs to. */
	readonly classOf: Int32Array;
	readonly graph: ClassGraph;
	/** True when some question matches more than one rule, so rules compete for it. */
	readonly overlapping: boolean;
}

/** Indexes a pool for a blueprint; input order does not matter, duplicate question ids throw. */
export function indexPool(
	rules: readonly BlueprintRule[],
	pool: readonly ExamQuestion[]
): PoolIndex {
	// Sorting makes the draw independent of the order the database returned rows in.
	const sorted = pool.filter((q) => !q.retired).sort((a, b) => a.questionId - b.questionId);
	for (let i = 1; i < sorted.length; i++) {
		if (sorted[i]!.questionId === sorted[i - 1]!.questionId) {
			throw new Error(`question ${sorted[i]!.questionId} appears twice in the pool`);
		}
	}

	const questions: ExamQuestion[] = [];
	const lists: number[][] = rules.map(() => []);
	const classIds = new Map<string, number>();
	const classRules: number[][] = [];
	const sizes: number[] = [];
	const classOf: number[] = [];
	const matched: number[] = [];
	for (const question of sorted) {
		matched.length = 0;
		for (let r = 0; r < rules.length; r++) {
			if (matchesRule(question, rules[r]!)) matched.push(r);
		}
		if (matched.length === 0) continue;
		const position = questions.length;
		questions.push(question);
		for (const r of matched) lists[r]!.push(position);
		const key = matched.join(',');
		let id = classIds.get(key);
		if (id === undefined) {
			id = classRules.length;
			classIds.set(key, id);
			classRules.push(matched.slice());
			sizes.push(0);
		}
		sizes[id]!++;
		classOf.push(id);
	}

	const ruleClasses: number[][] = rules.map(() => []);
	classRules.forEach((ruleList, c) => ruleList.forEach((r) => ruleClasses[r]!.push(c)));
	return {
		rules,
		questions,
		candidates: lists.map((list) => Int32Array.from(list)),
		classOf: Int32Array.from(classOf),
		graph: { sizes, classRules, ruleClasses },
		overlapping: classRules.some((ruleList) => ruleList.length > 1)
	};
}

/** The question `questionId` of the index (its questions are sorted by id), or undefined. */
export function questionOf(index: PoolIndex, questionId: number): ExamQuestion | undefined {
	const qs = index.questions;
	let lo = 0;
	let hi = qs.length - 1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		const id = qs[mid]!.questionId;
		if (id === questionId) return qs[mid];
		if (id < questionId) lo = mid + 1;
		else hi = mid - 1;
	}
	return undefined;
}
