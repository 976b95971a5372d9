import type { Problem } from '../errors';
import { fillRules } from './assignment';
import { indexPool, type PoolIndex } from './pool-index';
import type { BlueprintRule } from './rule';
import { toTenths, type ExamQuestion } from './types';

export { matchesRule, type BlueprintRule } from './rule';

export interface RuleCheck {
	ruleId: string;
	/** Questions matching the rule on its own, shared ones included. */
	candidates: number;
	/** Questions the rule gets when shared questions are spread over the rules (see assignment.ts). */
	available: number;
	/** How many questions the rule is short by; 0 when it can be filled. */
	short: number;
}

export interface BlueprintCheck {
	ok: boolean;
	rules: RuleCheck[];
	/** 'exams.error.ruleShort' (rule numbers are 1-based) and 'exams.error.ruleInvalid' problems. */
	problems: Problem[];
	questionCount: number;
	totalPoints: number;
}

/** Shape problems of single rules (counts, points, difficulty range), before any pool is read. */
export function checkRuleShapes(rules: readonly BlueprintRule[]): Problem[] {
	const problems: Problem[] = [];
	const seen = new Set<string>();
	rules.forEach((rule, i) => {
		const bad =
			!Number.isInteger(rule.count) ||
			rule.count < 1 ||
			!Number.isFinite(rule.pointsEach) ||
			rule.pointsEach <= 0 ||
			Math.abs(toTenths(rule.pointsEach) - rule.pointsEach * 10) > 1e-9 ||
			(rule.difficultyMin != null &&
				rule.difficultyMax != null &&
				rule.difficultyMin > rule.difficultyMax) ||
			rule.id === '' ||
			seen.has(rule.id);
		seen.add(rule.id);
		if (bad) problems.push({ key: 'exams.error.ruleInvalid', params: { rule: i + 1 } });
	});
	return problems;
}

/**
 * Serving order for the shortfall report: the rule with the least slack (candidates − count) is
 * served first, so a shortfall lands on the rule that had the most room to give, which is usually
 * the broad rule an author can most easily loosen or shrink.
 */
export function mostConstrainedFirst(index: PoolIndex): number[] {
	const slack = index.rules.map((rule, i) => index.candidates[i]!.length - rule.count);
	return index.rules.map((_, i) => i).sort((a, b) => slack[a]! - slack[b]! || a - b);
}

/**
 * Checks a blueprint against a pool (or an index built for these same rules): can every rule be
 * filled without using a question twice?
 */
export function checkBlueprint(
	rules: readonly BlueprintRule[],
	pool: readonly ExamQuestion[] | PoolIndex
): BlueprintCheck {
	const index = 'graph' in pool ? pool : indexPool(rules, pool);
	if (index.rules !== rules) throw new Error('the pool index was built for another blueprint');
	const needs = rules.map((rule) => Math.max(0, Math.floor(rule.count)));
	const filled = fillRules(index.graph, needs, mostConstrainedFirst(index));
	const problems = checkRuleShapes(rules);
	const checks = rules.map((rule, i): RuleCheck => {
		const short = needs[i]! - filled[i]!;
		if (short > 0) {
			problems.push({ key: 'exams.error.ruleShort', params: { rule: i + 1, short } });
		}
		return {
			ruleId: rule.id,
			candidates: index.candidates[i]!.length,
			available: filled[i]!,
			short
		};
	});
	const totalTenths = rules.reduce(
		(sum, rule, i) => sum + needs[i]! * toTenths(rule.pointsEach),
		0
	);
	return {
		ok: problems.length === 0,
		rules: checks,
		problems,
		questionCount: needs.reduce((a, b) => a + b, 0),
		totalPoints: totalTenths / 10
	};
}
