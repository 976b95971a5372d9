import { describe, expect, it } from 'vitest';
import { BlueprintError, drawFromIndex, drawPaper } from '../../../src/lib/server/exams/draw';
import { indexPool } from '../../../src/lib/server/exams/pool-index';
import { matchesRule } from '../../../src/lib/server/exams/blueprint';
import type { ExamQuestion } from '../../../src/lib/server/exams/types';
import { createRng } from '../../../src/lib/server/rng';
import { fillBlank, multiple, question, range, rule, trueFalse } from './factories';

const TAGS = ['身份识别', '可疑交易', '大额报告', '挂失', '销户'];

/** A mixed bank: every type, difficulties 1–5, two categories, rotating tags. */
function bank(size: number): ExamQuestion[] {
	return range(1, size, (id) => {
		const extra: Partial<ExamQuestion> = {
			difficulty: (id % 5) + 1,
			category: Math.floor(id / 4) % 2 ? '储蓄业务/开户' : '反洗钱/客户身份识别',
			tags: [TAGS[id % TAGS.length]!]
		};
		const kind = id % 4;
		if (kind === 0) return question(id, extra);
		if (kind === 1) return multiple(id, extra);
		if (kind === 2) return trueFalse(id, id % 3 === 0, extra);
		return fillBlank(id, ['反洗钱'], extra);
	});
}

const BLUEPRINT = [
	rule('fill', { type: 'fill_blank', count: 3, pointsEach: 2 }),
	rule('single-easy', { type: 'single', difficultyMax: 2, count: 5, pointsEach: 1 }),
	rule('multi-aml', { type: 'multiple', category: '反洗钱', count: 4, pointsEach: 2.5 }),
	rule('tf-tagged', { type: 'true_false', tags: ['挂失', '销户'], count: 4, pointsEach: 0.5 })
];

describe('drawPaper', () => {
	const pool = bank(400);

	it('gives the same paper for the same seed, whatever order the pool arrives in', () => {
		const a = drawPaper(BLUEPRINT, pool, { seed: 'attempt-1', shuffleOptions: true });
		const shuffled = createRng('reorder').shuffle(pool);
		const b = drawPaper(BLUEPRINT, shuffled, { seed: 'attempt-1', shuffleOptions: true });
		expect(b).toEqual(a);
		expect(Object.isFrozen(a) && Object.isFrozen(a.items) && Object.isFrozen(a.items[0])).toBe(
			true
		);
	});

	it('gives different papers for different seeds', () => {
		const ids = (seed: string): number[] =>
			drawPaper(BLUEPRINT, pool, { seed, shuffleOptions: false }).items.map((i) => i.questionId);
		expect(ids('s1')).not.toEqual(ids('s2'));
	});

	it('never repeats a question and honours every rule', () => {
		for (let s = 0; s < 50; s++) {
			const paper = drawPaper(BLUEPRINT, pool, { seed: `seed-${s}`, shuffleOptions: true });
			expect(paper.items).toHaveLength(16);
			expect(new Set(paper.items.map((i) => i.questionId)).size).toBe(16);
			expect(paper.maxScore).toBe(3 * 2 + 5 + 4 * 2.5 + 4 * 0.5);
			for (const item of paper.items) {
				const r = BLUEPRINT.find((x) => x.id === item.ruleId)!;
				const q = pool.find((x) => x.questionId === item.questionId)!;
				expect(matchesRule(q, r)).toBe(true);
				expect(item.versionId).toBe(q.versionId);
				expect(item.points).toBe(r.pointsEach);
			}
		}
	});

	it('groups items 单选, 多选, 判断, 填空 and shuffles within each group', () => {
		const typeOf = (id: number): string => pool.find((q) => q.questionId === id)!.type;
		const paper = drawPaper(BLUEPRINT, pool, { seed: 'order', shuffleOptions: false });
		expect(paper.items.map((i) => typeOf(i.questionId))).toEqual([
			...Array(5).fill('single'),
			...Array(4).fill('multiple'),
			...Array(4).fill('true_false'),
			...Array(3).fill('fill_blank')
		]);
		const byRule = drawPaper(BLUEPRINT, pool, {
			seed: 'order',
			shuffleOptions: false,
			itemOrder: 'by_rule'
		});
		expect(byRule.items.map((i) => i.ruleId)).toEqual(
			BLUEPRINT.flatMap((r) => Array(r.count).fill(r.id))
		);
	});

	it('shuffles options as a permutation, and keeps author order when shuffling is off', () => {
		let moved = 0;
		for (let s = 0; s < 20; s++) {
			const paper = drawPaper(BLUEPRINT, pool, { seed: `opt-${s}`, shuffleOptions: true });
			for (const item of paper.items) {
				const q = pool.find((x) => x.questionId === item.questionId)!;
				const keys = q.options.map((o) => o.key);
				expect([...item.optionOrder].sort()).toEqual(keys);
				if (item.optionOrder.join() !== keys.join()) moved++;
			}
		}
		expect(moved).toBeGreaterThan(100);
		const plain = drawPaper(BLUEPRINT, pool, { seed: 'opt', shuffleOptions: false });
		for (const item of plain.items) {
			const q = pool.find((x) => x.questionId === item.questionId)!;
			expect(item.optionOrder).toEqual(q.options.map((o) => o.key));
			if (q.type === 'true_false' || q.type === 'fill_blank') expect(item.optionOrder).toEqual([]);
		}
	});

	it('throws a BlueprintError naming the short rule', () => {
		const small = bank(20);
		try {
			drawPaper(BLUEPRINT, small, { seed: 'x', shuffleOptions: false });
			expect.unreachable();
		} catch (e) {
			expect(e).toBeInstanceOf(BlueprintError);
			expect((e as BlueprintError).problems).toContainEqual({
				key: 'exams.error.ruleShort',
				params: { rule: 2, short: 3 }
			});
		}
	});

	it('always fills overlapping rules that can be filled, without reusing a question', () => {
		// Rule a (any single) draws first and could take the two tagged questions rule b needs.
		const overlap = [...range(1, 2, (id) => question(id, { tags: ['x'] })), ...range(3, 6)];
		const rules = [rule('a', { count: 4 }), rule('b', { tags: ['x'], count: 2 })];
		for (let s = 0; s < 200; s++) {
			const paper = drawPaper(rules, overlap, {
				seed: `o-${s}`,
				shuffleOptions: false,
				itemOrder: 'by_rule'
			});
			expect(
				paper.items
					.slice(4)
					.map((i) => i.questionId)
					.sort()
			).toEqual([1, 2]);
			expect(new Set(paper.items.map((i) => i.questionId)).size).toBe(6);
		}
	});

	it('draws uniformly: 5,000 draws of 5 from 20 pass a chi-square test', () => {
		const index = indexPool([rule('r', { count: 5 })], range(1, 20));
		const counts = new Map<number, number>();
		for (let s = 0; s < 5_000; s++) {
			for (const item of drawFromIndex(index, { seed: `u-${s}`, shuffleOptions: false }).items) {
				counts.set(item.questionId, (counts.get(item.questionId) ?? 0) + 1);
			}
		}
		const expected = (5_000 * 5) / 20;
		const chi = [...counts.values()].reduce((sum, n) => sum + (n - expected) ** 2 / expected, 0);
		expect(counts.size).toBe(20);
		// 19 degrees of freedom: 43.82 is the 99.9th percentile. The seeds are fixed: no flakiness.
		expect(chi).toBeLessThan(43.82);
	});

	it('draws 50 from a 5,000-question pool well under a millisecond once indexed', () => {
		const big = bank(5_000);
		const rules = [
			rule('s', { type: 'single', count: 20 }),
			rule('m', { type: 'multiple', count: 10 }),
			rule('t', { type: 'true_false', count: 10 }),
			rule('f', { type: 'fill_blank', tags: ['挂失', '身份识别'], count: 10 })
		];
		const index = indexPool(rules, big);
		for (let i = 0; i < 200; i++) drawFromIndex(index, { seed: `w${i}`, shuffleOptions: true });
		const runs = 1_000;
		// CPU time, not wall time, so other processes on a busy machine do not make this flaky.
		const before = process.cpuUsage();
		for (let i = 0; i < runs; i++) drawFromIndex(index, { seed: `p${i}`, shuffleOptions: true });
		const used = process.cpuUsage(before);
		const perDraw = (used.user + used.system) / 1000 / runs;
		console.log(`draw 50 of 5,000: ${(perDraw * 1000).toFixed(1)} µs CPU per paper`);
		expect(perDraw).toBeLessThan(0.5);
	});
});
