import { describe, expect, it } from 'vitest';
import { indexPool, questionOf } from '../../../src/lib/server/exams/pool-index';
import { question, rule, trueFalse } from './factories';

describe('a question of the pool index, by id', () => {
	it('finds each question whatever order the pool came in, and nothing for an id not there', () => {
		const pool = [question(7), trueFalse(3), question(12), trueFalse(1), question(9)];
		const index = indexPool([rule('r', { count: 2 })], pool);
		for (const q of pool) expect(questionOf(index, q.questionId)).toBe(q);
		expect(questionOf(index, 3)?.type).toBe('true_false');
		for (const missing of [0, 2, 8, 13]) expect(questionOf(index, missing)).toBeUndefined();
	});
});
