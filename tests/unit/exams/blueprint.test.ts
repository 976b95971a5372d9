import { describe, expect, it } from 'vitest';
import { checkBlueprint, matchesRule } from '../../../src/lib/server/exams/blueprint';
import { fillBlank, multiple, question, range, rule, trueFalse } from './factories';

describe('matchesRule', () => {
	it('honours bank, type and the difficulty range inclusively', () => {
		const q = question(1, { difficulty: 3 });
		expect(matchesRule(q, rule('r'))).toBe(true);
		expect(matchesRule(q, rule('r', { bankId: 2 }))).toBe(false);
		expect(matchesRule(q, rule('r', { type: 'multiple' }))).toBe(false);
		expect(matchesRule(q, rule('r', { difficultyMin: 3, difficultyMax: 3 }))).toBe(true);
		expect(matchesRule(q, rule('r', { difficultyMin: 4 }))).toBe(false);
		expect(matchesRule(q, rule('r', { difficultyMax: 2 }))).toBe(false);
	});

	it('matches a category and everything under it, by whole path segments', () => {
		const q = question(1, { category: '储蓄业务/开户' });
		expect(matchesRule(q, rule('r', { category: '储蓄业务' }))).toBe(true);
		expect(matchesRule(q, rule('r', { category: '储蓄业务/开户' }))).toBe(true);
		expect(matchesRule(q, rule('r', { category: '储蓄' }))).toBe(false);
		expect(matchesRule(q, rule('r', { category: '储蓄业务/开户/对公' }))).toBe(false);
		expect(matchesRule(question(2, { category: null }), rule('r', { category: '储蓄业务' }))).toBe(
			false
		);
	});

	it('matches when any one of the rule tags is on the question; no tags means no filter', () => {
		const q = question(1, { tags: ['可疑交易', '大额报告'] });
		expect(matchesRule(q, rule('r', { tags: ['身份识别', '大额报告'] }))).toBe(true);
		expect(matchesRule(q, rule('r', { tags: ['身份识别'] }))).toBe(false);
		expect(matchesRule(q, rule('r', { tags: [] }))).toBe(true);
	});

	it('never matches a retired question', () => {
		expect(matchesRule(question(1, { retired: true }), rule('r'))).toBe(false);
	});
});

describe('checkBlueprint', () => {
	it('passes a fillable blueprint and totals questions and points in tenths', () => {
		const pool = [...range(1, 10), ...range(11, 20, (id) => multiple(id))];
		const check = checkBlueprint(
			[
				rule('single', { type: 'single', count: 10, pointsEach: 0.1 }),
				rule('multi', { type: 'multiple', count: 3, pointsEach: 0.2 })
			],
			pool
		);
		expect(check.ok).toBe(true);
		expect(check.problems).toEqual([]);
		expect(check.questionCount).toBe(13);
		expect(check.totalPoints).toBe(1.6);
		expect(check.rules.map((r) => [r.candidates, r.available, r.short])).toEqual([
			[10, 10, 0],
			[10, 3, 0]
		]);
	});

	it('names the short rule and by exactly how many questions', () => {
		const pool = [...range(1, 8), trueFalse(9), fillBlank(10)];
		const check = checkBlueprint(
			[rule('a', { type: 'single', count: 5 }), rule('b', { type: 'true_false', count: 4 })],
			pool
		);
		expect(check.ok).toBe(false);
		expect(check.problems).toEqual([
			{ key: 'exams.error.ruleShort', params: { rule: 2, short: 3 } }
		]);
		expect(check.rules[1]).toEqual({ ruleId: 'b', candidates: 1, available: 1, short: 3 });
	});

	it('counts a question shared by two rules only once', () => {
		// Five singles tagged 身份识别 and one untagged: rule a wants 3 tagged, rule b 4 singles.
		const pool = [...range(1, 5, (id) => question(id, { tags: ['身份识别'] })), question(6)];
		const rules = [
			rule('a', { tags: ['身份识别'], count: 3 }),
			rule('b', { type: 'single', count: 4 })
		];
		const check = checkBlueprint(rules, pool);
		expect(check.rules.map((r) => r.candidates)).toEqual([5, 6]);
		expect(check.ok).toBe(false);
		expect(check.problems).toEqual([
			{ key: 'exams.error.ruleShort', params: { rule: 2, short: 1 } }
		]);
	});

	it('finds the assignment a greedy pass in blueprint order would miss', () => {
		// Rule a (any single, 2) could take the only two tagged questions that rule b needs.
		const pool = [...range(1, 2, (id) => question(id, { tags: ['x'] })), ...range(3, 4)];
		const check = checkBlueprint(
			[rule('a', { count: 2 }), rule('b', { tags: ['x'], count: 2 })],
			pool
		);
		expect(check.ok).toBe(true);
		expect(check.rules.map((r) => r.available)).toEqual([2, 2]);
	});

	it('serves the rule with the least slack first, so the shortfall lands on the other', () => {
		// Both rules draw from the same 25 singles of 储蓄业务: 30 wanted, 5 missing.
		const pool = range(1, 25);
		const check = checkBlueprint(
			[rule('broad', { count: 20 }), rule('narrow', { category: '储蓄业务', count: 10 })],
			pool
		);
		expect(check.rules.map((r) => r.short)).toEqual([0, 5]);
		expect(check.problems).toEqual([
			{ key: 'exams.error.ruleShort', params: { rule: 2, short: 5 } }
		]);
	});

	it('does not count retired questions or other banks', () => {
		const pool = [...range(1, 3), question(4, { retired: true }), question(5, { bankId: 2 })];
		const check = checkBlueprint([rule('a', { count: 5 })], pool);
		expect(check.rules[0]).toMatchObject({ candidates: 3, short: 2 });
	});

	it('reports rules that are malformed by number', () => {
		const check = checkBlueprint(
			[
				rule('a', { count: 0 }),
				rule('b', { pointsEach: 0.25 }),
				rule('c', { difficultyMin: 4, difficultyMax: 2 }),
				rule('a'),
				rule('e', { pointsEach: 0.3, count: 2 })
			],
			range(1, 20)
		);
		expect(check.problems.filter((p) => p.key === 'exams.error.ruleInvalid')).toEqual(
			[1, 2, 3, 4].map((n) => ({ key: 'exams.error.ruleInvalid', params: { rule: n } }))
		);
	});
});
