import type { Db } from '../db';
import type { ExamDefinition } from '../db/schema';
import type { BlueprintRule } from './rule';
import { indexPool, type PoolIndex } from './pool-index';
import { selectBankRevisions } from './queries';
import { selectPool } from './question-queries';

// Indexing a 5,000-question pool costs about a millisecond; a burst of starts on one exam
// shares one index until a question in one of its banks changes (the bank's revision moves).
const caches = new WeakMap<Db, Map<number, { key: string; index: PoolIndex }>>();

export function blueprintOf(exam: ExamDefinition): BlueprintRule[] {
	return exam.blueprint as BlueprintRule[];
}

/** The indexed draw pool for an exam's blueprint, rebuilt when the exam or its banks change. */
export async function getPoolIndex(db: Db, exam: ExamDefinition): Promise<PoolIndex> {
	const rules = blueprintOf(exam);
	const bankIds = [...new Set(rules.map((r) => r.bankId))].sort((a, b) => a - b);
	const revisions = await selectBankRevisions(db, bankIds);
	const key = `${exam.updatedAt}|${bankIds.map((id) => `${id}:${revisions.get(id) ?? -1}`).join(',')}`;
	let cache = caches.get(db);
	if (!cache) caches.set(db, (cache = new Map()));
	const hit = cache.get(exam.id);
	if (hit?.key === key) return hit.index;
	const index = indexPool(rules, await selectPool(db, bankIds));
	cache.set(exam.id, { key, index });
	return index;
}
